package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Account A, whatever it sends, never reads or spends account B's keys, credits or usage. */
@ExtendWith(AwsEmulatorExtension.class)
class AccountIsolationSecurityTest {
    static final String A = "acct_alice";
    static final String B = "acct_bob";
    static AuthClient auth;
    static EmulatedStack stack;
    static String bobKeyId;
    static String bobSecret;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
        Callers.ledger(s).grant(B, 100, "bob's credits", "bob-grant");
        var created = auth.call(ProxyEvent.request("POST", "/v1/keys")
                        .caller(B, null, "free")
                        .json("{\"name\":\"bob\"}"))
                .json();
        bobKeyId = created.path("id").asText();
        bobSecret = created.path("key").asText();
        // Bob spends with his key, so his usage has a series under it.
        auth.call(ProxyEvent.request("POST", "/v1/credits/use")
                .caller(B, bobKeyId, "free")
                .json("{\"amount\":3,\"reason\":\"bob\"}"));
    }

    @AfterAll
    static void cleanUp() {
        Callers.deleteGatewayKeys(stack);
    }

    @Test
    void revokingAnotherAccountsKey_answers404_andLeavesItActive() {
        var response = auth.call(Callers.revoke(A, bobKeyId));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.json().path("code").asText()).isEqualTo("not_found");
        var key = new ApiKeyStore(stack.clients().dynamoDb(), stack.ref("KeysTable"))
                .findByHash(ApiKeySecret.hash(bobSecret))
                .orElseThrow();
        assertThat(key.status()).isEqualTo(ApiKey.Status.ACTIVE);
    }

    @Test
    void listingKeys_showsOnlyTheCallersOwn() {
        var response = auth.call(Callers.as(A, "GET", "/v1/keys"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("keys")).isEmpty();
        assertThat(response.text()).doesNotContain(bobKeyId);
    }

    @Test
    void usageOfAnotherAccountsKey_answers404_andOwnUsageHasNoneOfTheirs() {
        var theirs = auth.call(Callers.as(A, "GET", "/v1/usage").query("keyId", bobKeyId));
        assertThat(theirs.status()).isEqualTo(404);
        assertThat(theirs.json().path("parameter").asText()).isEqualTo("keyId");

        var own = auth.call(Callers.as(A, "GET", "/v1/usage"));
        assertThat(own.status()).isEqualTo(200);
        assertThat(own.json().path("series")).isEmpty();
        assertThat(auth.call(Callers.as(B, "GET", "/v1/usage").query("keyId", bobKeyId))
                        .json()
                        .path("totals")
                        .path("credits")
                        .asLong())
                .isEqualTo(3);
    }

    @Test
    void ledgerAndBalance_areTheCallersOwn_andSpendingNeverTouchesAnotherAccount() {
        var ledger = auth.call(Callers.as(A, "GET", "/v1/credits/ledger"));
        assertThat(ledger.status()).isEqualTo(200);
        assertThat(ledger.json().path("entries")).isEmpty();

        // Even with B's ledger cursor, A reads only A's (empty) ledger.
        String bobCursor = Callers.ledger(stack).ledger(B, null, 1).nextCursor();
        var withCursor = auth.call(Callers.as(A, "GET", "/v1/credits/ledger").query("cursor", bobCursor));
        assertThat(withCursor.status()).isEqualTo(200);
        assertThat(withCursor.json().path("entries")).isEmpty();

        assertThat(auth.call(Callers.as(A, "GET", "/v1/credits/balance"))
                        .json()
                        .path("balance")
                        .asLong())
                .isZero();
        var spend = auth.call(Callers.as(A, "POST", "/v1/credits/use").json("{\"amount\":1,\"reason\":\"steal\"}"));
        assertThat(spend.status()).isEqualTo(402);
        assertThat(Callers.ledger(stack).balance(B).balance()).isEqualTo(97);
    }
}
