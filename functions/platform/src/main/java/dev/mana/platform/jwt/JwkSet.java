package dev.mana.platform.jwt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.security.interfaces.ECPublicKey;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The keys a verifier trusts, by kid: the current signing key and, during a rotation, the
 * previous one. Built from the signer's own keys or parsed from a JWKS document (what a
 * verifier in another function caches).
 */
public final class JwkSet {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private final Map<String, Jwk> byKid;
    private final List<Jwk> ordered;

    public JwkSet(List<Jwk> keys) {
        var map = new LinkedHashMap<String, Jwk>();
        for (Jwk key : keys) map.put(key.kid(), key);
        this.byKid = Map.copyOf(map);
        this.ordered = List.copyOf(keys);
    }

    /** Parses {@code {"keys":[...]}}; keys other than EC P-256 signing keys are skipped. */
    public static JwkSet parse(String json) {
        try {
            Map<String, List<Map<String, Object>>> document = MAPPER.readValue(json, new TypeReference<>() {});
            var keys = new java.util.ArrayList<Jwk>();
            for (Map<String, Object> member : document.getOrDefault("keys", List.of())) {
                if (!"EC".equals(member.get("kty")) || "enc".equals(member.get("use"))) continue;
                keys.add(Jwk.fromJson(member));
            }
            return new JwkSet(keys);
        } catch (IOException e) {
            throw new IllegalArgumentException("not a JWKS document", e);
        }
    }

    public Optional<ECPublicKey> key(String kid) {
        Jwk jwk = byKid.get(kid);
        return jwk == null ? Optional.empty() : Optional.of(jwk.key());
    }

    public List<Jwk> keys() {
        return ordered;
    }

    /** The JWKS document: {@code {"keys":[...]}}. */
    public Map<String, Object> toJson() {
        return Map.of("keys", ordered.stream().map(Jwk::toJson).toList());
    }
}
