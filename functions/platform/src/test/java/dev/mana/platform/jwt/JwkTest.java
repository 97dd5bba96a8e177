package dev.mana.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.LinkedHashMap;
import org.junit.jupiter.api.Test;

class JwkTest {
    @Test
    void jwk_roundTripsThroughItsJson_withTheSameThumbprintKid() throws Exception {
        var jwk = Jwk.of(newKey());

        var parsed = Jwk.fromJson(jwk.toJson());

        assertThat(parsed.kid()).isEqualTo(jwk.kid()).hasSize(43);
        assertThat(parsed.key().getW()).isEqualTo(jwk.key().getW());
    }

    @Test
    void jwk_fromDer_matchesTheKey() throws Exception {
        ECPublicKey key = newKey();

        assertThat(Jwk.fromDer(key.getEncoded()).kid()).isEqualTo(Jwk.of(key).kid());
    }

    @Test
    void jwkWhoseKidIsNotItsThumbprint_isRefused() throws Exception {
        var json = new LinkedHashMap<>(Jwk.of(newKey()).toJson());
        json.put("kid", "chosen-by-attacker");

        assertThatThrownBy(() -> Jwk.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void jwkWithAPointOffTheCurve_isRefused() throws Exception {
        var json = new LinkedHashMap<>(Jwk.of(newKey()).toJson());
        json.remove("kid");
        json.put("y", json.get("x"));

        assertThatThrownBy(() -> Jwk.fromJson(json)).isInstanceOf(IllegalArgumentException.class);
    }

    private static ECPublicKey newKey() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return (ECPublicKey) generator.generateKeyPair().getPublic();
    }
}
