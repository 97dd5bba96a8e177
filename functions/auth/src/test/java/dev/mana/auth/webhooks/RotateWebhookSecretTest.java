package dev.mana.auth.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthApplication;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.platform.webhooks.WebhookSecrets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class RotateWebhookSecretTest {
    static LambdaHarness auth;
    static WebhookSecrets secrets;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
        secrets = new WebhookSecrets(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
    }

    static ProxyEvent rotate(String accountId) {
        return ProxyEvent.request("POST", "/v1/webhooks/secret").caller(accountId, null, "free");
    }

    @Test
    void rotation_showsTheNewSecretOnce_andKeepsThePreviousSigningFor24Hours() {
        var first = auth.call(rotate("acct_hooks"));
        var second = auth.call(rotate("acct_hooks"));

        assertThat(first.status()).isEqualTo(201);
        assertThat(first.header("Cache-Control")).isEqualTo("no-store");
        String firstSecret = first.json().path("secret").asText();
        String secondSecret = second.json().path("secret").asText();
        assertThat(firstSecret).startsWith("whsec_").isNotEqualTo(secondSecret);
        assertThat(first.json().path("previousValidUntil").isMissingNode()).isTrue();
        Instant until = Instant.parse(second.json().path("previousValidUntil").asText());
        assertThat(Duration.between(Instant.now(), until)).isBetween(Duration.ofHours(23), Duration.ofHours(25));
        assertThat(secrets.signing("acct_hooks")).containsExactly(secondSecret, firstSecret);
    }

    @Test
    void secrets_areAccountsOwn() {
        String mine = auth.call(rotate("acct_a")).json().path("secret").asText();
        auth.call(rotate("acct_b"));

        assertThat(secrets.signing("acct_a")).containsExactly(mine);
    }

    @Test
    void withoutCaller_answers401() {
        var response = auth.call(ProxyEvent.request("POST", "/v1/webhooks/secret"));
        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asText()).isEqualTo("unauthenticated");
    }
}
