package dev.mana.authorizer;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.AuthorizerEvent;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.platform.jwt.KmsJwtSigner;
import dev.mana.platform.keys.ApiKeySecret;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class AuthorizerSecurityTest {
    static LambdaHarness authorizer;
    static TestKeys keys;
    static KmsJwtSigner tokens;

    @BeforeAll
    static void start(EmulatedStack stack) {
        var environment = new HashMap<>(stack.environment("AuthorizerFunction"));
        // No container cache here, so revocation is visible at once.
        environment.put("MANA_AUTHORIZER_CACHE_SECONDS", "0");
        authorizer = LambdaHarness.start(AuthorizerApplication.class, environment);
        keys = new TestKeys(stack);
        tokens = TestTokens.signer(stack);
    }

    static AuthorizerEvent.Decision authorize(Map<String, String> headers) {
        return AuthorizerEvent.Decision.parse(
                authorizer.invoke(AuthorizerEvent.of("GET", "/v1/keys", "/v1/keys", headers, null)));
    }

    @Test
    void noCredentials_isUnauthorized_whichApiGatewayAnswersWith401() {
        assertThatThrownBy(() -> authorize(Map.of("Accept", "application/json")))
                .hasStackTraceContaining("Unauthorized");
    }

    @Test
    void unknownKey_isDenied() {
        var decision = authorize(Map.of("x-api-key", ApiKeySecret.generate()));
        assertThat(decision.allowed()).isFalse();
        assertThat(decision.context()).isEmpty();
        assertThat(decision.usageIdentifierKey()).isNull();
    }

    @Test
    void malformedKeys_areDenied_withoutALookup() {
        for (String junk : new String[] {
            "mana_live_", "mana_live_" + "!".repeat(43), "x".repeat(5000), "mana_live_ä" + "a".repeat(42)
        }) {
            assertThat(authorize(Map.of("x-api-key", junk)).allowed()).as(junk).isFalse();
        }
    }

    @Test
    void revokedKey_isDeniedOnTheNextRequest() {
        String secret = keys.create("acct_revoke", null);
        assertThat(authorize(Map.of("x-api-key", secret)).allowed()).isTrue();

        keys.store().revoke("acct_revoke", keys.keyId(secret));

        assertThat(authorize(Map.of("x-api-key", secret)).allowed()).isFalse();
    }

    @Test
    void expiredKey_isDenied() {
        String secret = keys.create("acct_expired", Instant.now().minusSeconds(1));
        assertThat(authorize(Map.of("x-api-key", secret)).allowed()).isFalse();
    }

    @Test
    void otherAccountsCannotRevokeAKey() {
        String secret = keys.create("acct_owner", null);

        assertThat(keys.store().revoke("acct_intruder", keys.keyId(secret))).isEmpty();

        assertThat(authorize(Map.of("x-api-key", secret)).allowed()).isTrue();
    }

    @Test
    void forgedBearer_withAlgNone_isDenied() {
        var decision = authorize(Map.of("Authorization", "Bearer eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0."));
        assertThat(decision.allowed()).isFalse();
    }

    @Test
    void expiredAccessToken_isDenied() {
        long now = Instant.now().getEpochSecond();
        String token = tokens.sign(TestTokens.claims("acct_late", now - 3600, now - 1800));
        assertThat(authorize(Map.of("Authorization", "Bearer " + token)).allowed())
                .isFalse();
    }

    @Test
    void accessTokenForAnotherAudience_isDenied() {
        long now = Instant.now().getEpochSecond();
        var claims = new HashMap<>(TestTokens.claims("acct_aud", now, now + 900));
        claims.put("aud", "someone-else");
        assertThat(authorize(Map.of("Authorization", "Bearer " + tokens.sign(claims)))
                        .allowed())
                .isFalse();
    }
}
