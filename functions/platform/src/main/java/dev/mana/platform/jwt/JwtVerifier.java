package dev.mana.platform.jwt;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mana.platform.jwt.JwtRejected.Reason;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Verifies ES256 access tokens: the only algorithm accepted is ES256 (so {@code none} and
 * HS256-keyed-with-the-public-key fail before any key is touched), the {@code kid} must name a
 * trusted key, the signature must be the 64-byte JOSE form, and {@code iss}, {@code aud},
 * {@code exp}, {@code iat} and {@code nbf} must hold, with a small clock skew. It depends on
 * nothing of the auth function, so the authorizer can use it with a cached JWKS.
 */
public final class JwtVerifier {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    /** Longer tokens are refused unread: ours are about 400 characters. */
    public static final int MAX_TOKEN_CHARS = 8192;

    private final Function<String, Optional<ECPublicKey>> keys;
    private final String issuer;
    private final String audience;
    private final Clock clock;
    private final Duration skew;

    public JwtVerifier(
            Function<String, Optional<ECPublicKey>> keys, String issuer, String audience, Clock clock, Duration skew) {
        this.keys = keys;
        this.issuer = issuer;
        this.audience = audience;
        this.clock = clock;
        this.skew = skew;
    }

    /** The token's claims when every check passes. */
    public Map<String, Object> verify(String token) throws JwtRejected {
        if (token == null || token.length() > MAX_TOKEN_CHARS) throw new JwtRejected(Reason.MALFORMED, "too long");
        String[] parts = token.split("\\.", -1);
        if (parts.length != 3) throw new JwtRejected(Reason.MALFORMED, "not three parts");
        Map<String, Object> header = json(parts[0]);
        if (!Jwk.ALGORITHM.equals(header.get("alg"))) {
            throw new JwtRejected(Reason.UNSUPPORTED_ALGORITHM, "only ES256 is accepted");
        }
        if (header.containsKey("crit")) throw new JwtRejected(Reason.MALFORMED, "crit is not supported");
        if (!(header.get("kid") instanceof String kid)) throw new JwtRejected(Reason.UNKNOWN_KEY, "no kid");
        ECPublicKey key = keys.apply(kid).orElseThrow(() -> new JwtRejected(Reason.UNKNOWN_KEY, "unknown kid"));
        byte[] signature = Base64Url.decode(parts[2]);
        if (signature == null || signature.length != 64) throw new JwtRejected(Reason.BAD_SIGNATURE, "not 64 bytes");
        // (r, n - s) verifies as well as (r, s): only the low-S spelling our signer makes is a token.
        if (!EcdsaSignatures.isLowS(signature)) throw new JwtRejected(Reason.BAD_SIGNATURE, "high-S signature");
        if (!signatureHolds(key, parts[0] + "." + parts[1], signature)) {
            throw new JwtRejected(Reason.BAD_SIGNATURE, "signature does not verify");
        }
        Map<String, Object> claims = json(parts[1]);
        checkClaims(claims);
        return claims;
    }

    private void checkClaims(Map<String, Object> claims) throws JwtRejected {
        long now = clock.instant().getEpochSecond();
        long leeway = skew.toSeconds();
        long exp = seconds(claims, "exp", true);
        long iat = seconds(claims, "iat", true);
        if (now >= exp + leeway) throw new JwtRejected(Reason.EXPIRED, "exp has passed");
        if (iat > now + leeway) throw new JwtRejected(Reason.NOT_YET_VALID, "iat is in the future");
        if (claims.containsKey("nbf") && seconds(claims, "nbf", true) > now + leeway) {
            throw new JwtRejected(Reason.NOT_YET_VALID, "nbf is in the future");
        }
        if (!issuer.equals(claims.get("iss"))) throw new JwtRejected(Reason.WRONG_ISSUER, "iss differs");
        Object aud = claims.get("aud");
        boolean audienceHolds = audience.equals(aud) || (aud instanceof List<?> list && list.contains(audience));
        if (!audienceHolds) throw new JwtRejected(Reason.WRONG_AUDIENCE, "aud differs");
        if (!(claims.get("sub") instanceof String sub) || sub.isEmpty()) {
            throw new JwtRejected(Reason.MISSING_CLAIM, "sub is missing");
        }
    }

    private static long seconds(Map<String, Object> claims, String name, boolean required) throws JwtRejected {
        Object value = claims.get(name);
        if (value instanceof Integer || value instanceof Long) return ((Number) value).longValue();
        if (value == null && !required) return 0;
        throw new JwtRejected(Reason.MISSING_CLAIM, name + " is missing or not a number");
    }

    private static boolean signatureHolds(ECPublicKey key, String input, byte[] signature) {
        try {
            // P1363 is JOSE's R||S form; the JDK also refuses r or s of zero or >= n.
            Signature verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(key);
            verifier.update(input.getBytes(StandardCharsets.US_ASCII));
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    private static Map<String, Object> json(String part) throws JwtRejected {
        byte[] bytes = Base64Url.decode(part);
        if (bytes == null) throw new JwtRejected(Reason.MALFORMED, "not base64url");
        try {
            Map<String, Object> map = MAPPER.readValue(bytes, MAP);
            if (map == null) throw new JwtRejected(Reason.MALFORMED, "not a JSON object");
            return map;
        } catch (IOException e) {
            throw new JwtRejected(Reason.MALFORMED, "not a JSON object");
        }
    }
}
