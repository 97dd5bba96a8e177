package dev.mana.auth.keys;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.keys.ApiKeyStore;
import dev.mana.platform.webhooks.WebhookSecrets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A leaked API key must not manage credentials: it cannot mint keys that would outlive its
 * revocation, revoke the owner's keys, or rotate the webhook secret. Only a signed-in session
 * (a Bearer access token, which reaches the function without a key id) may.
 */
@ExtendWith(AwsEmulatorExtension.class)
class KeyManagementSecurityTest {
    static AuthClient auth;
    static EmulatedStack stack;
    static ApiKeyStore keys;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
        keys = new ApiKeyStore(s.clients().dynamoDb(), s.ref("KeysTable"));
    }

    @AfterAll
    static void cleanUp() {
        Callers.deleteGatewayKeys(stack);
    }

    /** A key made by a signed-in session (no key id in the authorizer's context). */
    static String sessionCreatesKey(String account) {
        var created = auth.call(ProxyEvent.request("POST", "/v1/keys")
                .caller(account, null, "free")
                .json("{\"name\":\"leaked\"}"));
        assertThat(created.status()).as(created.text()).isEqualTo(201);
        return created.json().path("id").asText();
    }

    static void assertSessionRequired(ProxyResponse response) {
        assertThat(response.status()).as(response.text()).isEqualTo(403);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("session_required");
        assertThat(response.json().path("detail").asText()).contains("Bearer");
    }

    @Test
    void leakedApiKey_cannotMintAnotherKey() {
        String leaked = sessionCreatesKey("acct_leak_mint");
        int before = keys.list("acct_leak_mint").size();
        int onPlan = Callers.gatewayKeysOn(stack, "FreeUsagePlan").size();

        var response = auth.call(ProxyEvent.request("POST", "/v1/keys")
                .caller("acct_leak_mint", leaked, "free")
                .json("{\"name\":\"persistence\"}"));

        assertSessionRequired(response);
        assertThat(keys.list("acct_leak_mint")).hasSize(before);
        assertThat(Callers.gatewayKeysOn(stack, "FreeUsagePlan")).hasSize(onPlan);
    }

    @Test
    void revokedKeyInsideTheAuthorizerCache_cannotMintAKey() {
        String leaked = sessionCreatesKey("acct_leak_revoked");
        assertThat(auth.call(Callers.revoke("acct_leak_revoked", leaked)).status())
                .isEqualTo(204);

        // The authorizer's cache may still pass the revoked key on for its TTL: the route refuses it.
        var response = auth.call(ProxyEvent.request("POST", "/v1/keys")
                .caller("acct_leak_revoked", leaked, "free")
                .json("{\"name\":\"after revocation\"}"));

        assertSessionRequired(response);
        assertThat(keys.list("acct_leak_revoked")).hasSize(1);
    }

    @Test
    void leakedApiKey_cannotRevokeTheOwnersKeys() {
        String owners = sessionCreatesKey("acct_leak_revoke");
        String leaked = sessionCreatesKey("acct_leak_revoke");

        var response = auth.call(ProxyEvent.request("DELETE", "/v1/keys/" + owners)
                .resource("/v1/keys/{id}", Map.of("id", owners))
                .caller("acct_leak_revoke", leaked, "free"));

        assertSessionRequired(response);
        assertThat(keys.list("acct_leak_revoke"))
                .allSatisfy(k -> assertThat(k.status().name()).isEqualTo("ACTIVE"));
    }

    @Test
    void leakedApiKey_cannotRotateTheWebhookSecret() {
        var secrets = new WebhookSecrets(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
        String leaked = sessionCreatesKey("acct_leak_hooks");
        String owners = secrets.current("acct_leak_hooks");

        var response =
                auth.call(ProxyEvent.request("POST", "/v1/webhooks/secret").caller("acct_leak_hooks", leaked, "free"));

        assertSessionRequired(response);
        assertThat(response.text()).doesNotContain("whsec_");
        assertThat(secrets.signing("acct_leak_hooks")).containsExactly(owners);
    }
}
