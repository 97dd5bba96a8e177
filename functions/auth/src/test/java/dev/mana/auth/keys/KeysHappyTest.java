package dev.mana.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class KeysHappyTest {
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
    }

    @AfterAll
    static void cleanUp() {
        Callers.deleteGatewayKeys(stack);
    }

    static ProxyEvent create(String account, String tier, String json) {
        return ProxyEvent.request("POST", "/v1/keys")
                .caller(account, null, tier)
                .json(json);
    }

    @Test
    void createKey_answers201WithTheSecretOnce_onTheTiersUsagePlan_andStoresOnlyItsHash() {
        String expires = java.time.Instant.now()
                .plus(java.time.Duration.ofDays(90))
                .truncatedTo(java.time.temporal.ChronoUnit.SECONDS)
                .toString();
        var created = auth.call(create("acct_keys", "pro", "{\"name\":\"ci\",\"expiresAt\":\"" + expires + "\"}"));

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        var body = created.json();
        String secret = body.path("key").asText();
        assertThat(ApiKeySecret.looksLikeKey(secret)).isTrue();
        assertThat(body.path("id").asText()).startsWith("key_");
        assertThat(body.path("prefix").asText()).isEqualTo(ApiKeySecret.displayPrefix(secret));
        assertThat(body.path("expiresAt").asText()).isEqualTo(expires);

        var stored = new ApiKeyStore(stack.clients().dynamoDb(), stack.ref("KeysTable"))
                .findByHash(ApiKeySecret.hash(secret))
                .orElseThrow();
        assertThat(stored.accountId()).isEqualTo("acct_keys");
        assertThat(stored.tier()).isEqualTo("pro");
        var gatewayKey = stack.clients()
                .apiGateway()
                .getApiKey(b -> b.apiKey(stored.gatewayKeyId()).includeValue(true));
        assertThat(gatewayKey.value()).isEqualTo(secret);
        assertThat(Callers.gatewayKeysOn(stack, "ProUsagePlan")).contains(stored.gatewayKeyId());
        assertThat(Callers.gatewayKeysOn(stack, "FreeUsagePlan")).doesNotContain(stored.gatewayKeyId());
        assertThat(stack.clients()
                        .dynamoDb()
                        .scan(b -> b.tableName(stack.ref("KeysTable")))
                        .items()
                        .toString())
                .doesNotContain(secret);

        var listed = auth.call(Callers.as("acct_keys", "GET", "/v1/keys"));
        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.text()).doesNotContain(secret);
        assertThat(listed.json().path("keys").path(0).path("status").asText()).isEqualTo("active");
        assertThat(listed.json().path("keys").path(0).path("prefix").asText()).isEqualTo(stored.prefix());
    }

    @Test
    void revokeKey_answers204_marksItRevoked_andDeletesTheGatewayKey_twiceIsStill204() {
        var created =
                auth.call(create("acct_revoke", "free", "{\"name\":\"temp\"}")).json();
        String id = created.path("id").asText();
        var store = new ApiKeyStore(stack.clients().dynamoDb(), stack.ref("KeysTable"));
        var before = store.findByHash(ApiKeySecret.hash(created.path("key").asText()))
                .orElseThrow();

        assertThat(auth.call(Callers.revoke("acct_revoke", id)).status()).isEqualTo(204);

        var after = store.findByHash(ApiKeySecret.hash(created.path("key").asText()))
                .orElseThrow();
        assertThat(after.status()).isEqualTo(ApiKey.Status.REVOKED);
        assertThat(Callers.gatewayKeysOn(stack, "FreeUsagePlan")).doesNotContain(before.gatewayKeyId());
        assertThat(auth.call(Callers.revoke("acct_revoke", id)).status()).isEqualTo(204);
        assertThat(auth.call(Callers.as("acct_revoke", "GET", "/v1/keys"))
                        .json()
                        .path("keys")
                        .path(0)
                        .path("status")
                        .asText())
                .isEqualTo("revoked");
    }

    @Test
    void createKey_pastTheTiersLimit_answers409_andLeavesNoGatewayKeyBehind() {
        int limit = Integer.parseInt(stack.environment("AuthFunction").get("FREE_MAX_KEYS"));
        for (int i = 0; i < limit; i++) {
            assertThat(auth.call(create("acct_limit", "free", "{\"name\":\"k" + i + "\"}"))
                            .status())
                    .isEqualTo(201);
        }
        int onPlan = Callers.gatewayKeysOn(stack, "FreeUsagePlan").size();

        var refused = auth.call(create("acct_limit", "free", "{\"name\":\"one too many\"}"));

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.json().path("limit").asInt()).isEqualTo(limit);
        assertThat(Callers.gatewayKeysOn(stack, "FreeUsagePlan")).hasSize(onPlan);
        // Revoking one makes room again.
        String first = auth.call(Callers.as("acct_limit", "GET", "/v1/keys"))
                .json()
                .path("keys")
                .path(0)
                .path("id")
                .asText();
        assertThat(auth.call(Callers.revoke("acct_limit", first)).status()).isEqualTo(204);
        assertThat(auth.call(create("acct_limit", "free", "{\"name\":\"room again\"}"))
                        .status())
                .isEqualTo(201);
    }
}
