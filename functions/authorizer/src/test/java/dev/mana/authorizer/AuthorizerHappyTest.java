package dev.mana.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AuthorizerEvent;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class AuthorizerHappyTest {
    static LambdaHarness authorizer;
    static TestKeys keys;

    @BeforeAll
    static void start(EmulatedStack stack) {
        authorizer = LambdaHarness.start(AuthorizerApplication.class, stack, "AuthorizerFunction");
        keys = new TestKeys(stack);
    }

    static AuthorizerEvent.Decision authorize(Map<String, String> headers) {
        return AuthorizerEvent.Decision.parse(
                authorizer.invoke(AuthorizerEvent.of("POST", "/v1/search", "/v1/search", headers, null)));
    }

    @Test
    void validKeyInXApiKey_isAllowedWithAccountKeyAndTier() {
        String secret = keys.create("acct_happy", null);

        var decision = authorize(Map.of("X-Api-Key", secret));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.context())
                .containsEntry("accountId", "acct_happy")
                .containsEntry("keyId", keys.keyId(secret))
                .containsEntry("tier", "free");
        assertThat(decision.usageIdentifierKey()).isEqualTo(secret);
    }

    @Test
    void validKeyAsBearer_isAllowed_soOpenAiSdksWork() {
        String secret = keys.create("acct_sdk", null);

        var decision = authorize(Map.of("authorization", "Bearer " + secret));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.context()).containsEntry("accountId", "acct_sdk");
    }

    @Test
    void accessTokenOfTheAccountsService_isAllowedWithAccountAndTier_butNoUsageKey(EmulatedStack stack) {
        long now = java.time.Instant.now().getEpochSecond();
        String token = TestTokens.signer(stack).sign(TestTokens.claims("acct_jwt", now, now + 900));

        var decision = authorize(Map.of("Authorization", "Bearer " + token));

        assertThat(decision.allowed()).isTrue();
        assertThat(decision.context()).containsEntry("accountId", "acct_jwt").containsEntry("tier", "pro");
        assertThat(decision.context()).doesNotContainKey("keyId");
        assertThat(decision.usageIdentifierKey()).isNull();
    }

    @Test
    void allowedKey_recordsItsLastUse() {
        String secret = keys.create("acct_used", null);

        authorize(Map.of("x-api-key", secret));

        var stored = keys.store()
                .findByHash(dev.mana.platform.keys.ApiKeySecret.hash(secret))
                .orElseThrow();
        assertThat(stored.lastUsedAt()).isNotNull();
    }
}
