package dev.mana.auth.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every Idempotency-Key the README promises (1 to 255 visible ASCII characters) works, and charges once. */
@ExtendWith(AwsEmulatorExtension.class)
class IdempotencyKeyLengthTest {
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
    }

    static ProxyResponse use(String account, String key) {
        return auth.call(ProxyEvent.request("POST", "/v1/credits/use")
                .caller(account, "key_test", "free")
                .header("Idempotency-Key", key)
                .json("{\"amount\":2,\"reason\":\"job\"}"));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 200, 226, 227, 254, 255})
    void aKeyOfAnyPromisedLength_isAccepted_andChargesOnce(int length) {
        String account = "acct_keylen" + length;
        Callers.ledger(stack).grant(account, 10, "test", "fund-" + account);
        String key = "k".repeat(length);

        var first = use(account, key);
        var replay = use(account, key);

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(replay.status()).as(replay.text()).isEqualTo(200);
        assertThat(replay.json().path("chargeId").asText())
                .isEqualTo(first.json().path("chargeId").asText());
        assertThat(Callers.ledger(stack).balance(account).balance()).isEqualTo(8);
    }

    @ParameterizedTest
    @ValueSource(ints = {256, 1000})
    void aLongerKey_answers400NamingTheHeader(int length) {
        var response = use("acct_keylong", "k".repeat(length));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("parameter").asText()).isEqualTo("Idempotency-Key");
    }
}
