package dev.mana.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.jwt.JwkSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class JwksHappyTest {
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        auth = AuthClient.start(stack);
    }

    @Test
    void jwks_answersTheSigningKeyWithKidAlgUse_cacheable() {
        var response = auth.get("/v1/auth/jwks");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).contains("public").contains("max-age=300");
        var keys = response.json().path("keys");
        assertThat(keys).hasSize(1);
        var key = keys.get(0);
        assertThat(key.path("kty").asText()).isEqualTo("EC");
        assertThat(key.path("crv").asText()).isEqualTo("P-256");
        assertThat(key.path("alg").asText()).isEqualTo("ES256");
        assertThat(key.path("use").asText()).isEqualTo("sig");
        assertThat(key.has("d")).isFalse();
        assertThat(key.path("kid").asText())
                .isEqualTo(SigningKeys.publicKey(stack.clients().kms(), stack.ref("JwtSigningKey"))
                        .kid());
    }

    @Test
    void wellKnownJwks_answersTheSameDocument() {
        var wellKnown = auth.get("/.well-known/jwks.json");

        assertThat(wellKnown.status()).isEqualTo(200);
        assertThat(wellKnown.text()).isEqualTo(auth.get("/v1/auth/jwks").text());
        assertThat(wellKnown.header("Cache-Control")).isEqualTo(JwksRoute.CACHE_CONTROL);
    }

    @Test
    void jwks_parsesBackToTheKeysKid() {
        var parsed = JwkSet.parse(auth.get("/v1/auth/jwks").text());

        assertThat(parsed.keys()).hasSize(1);
        assertThat(parsed.keys().get(0).kid())
                .isEqualTo(auth.get("/v1/auth/jwks")
                        .json()
                        .path("keys")
                        .get(0)
                        .path("kid")
                        .asText());
    }
}
