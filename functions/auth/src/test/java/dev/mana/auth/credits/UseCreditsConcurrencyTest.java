package dev.mana.auth.credits;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.credits.LedgerEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * {@code POST /v1/credits/use} raced through the Lambda handler: the handler's requests really
 * interleave (the emulator serves one DynamoDB request at a time, as one partition would order
 * them), and the ledger's conditions keep the balance exact.
 */
@ExtendWith(AwsEmulatorExtension.class)
class UseCreditsConcurrencyTest {
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
    }

    @Test
    void twoHundredConcurrentDebits_onABalanceOf100_exactly100Succeed_restAnswer402() throws Exception {
        String account = "acct_race";
        Callers.ledger(stack).grant(account, 100, "race", "race-grant");

        List<ProxyResponse> responses = race(
                200,
                i -> auth.call(Callers.as(account, "POST", "/v1/credits/use")
                        .json("{\"amount\":1,\"reason\":\"race " + i + "\"}")));

        assertThat(responses.stream().filter(r -> r.status() == 200)).hasSize(100);
        assertThat(responses.stream().filter(r -> r.status() == 402)).hasSize(100);
        responses.stream().filter(r -> r.status() == 402).forEach(r -> {
            assertThat(r.header("Content-Type")).startsWith("application/problem+json");
            assertThat(r.json().path("code").asText()).isEqualTo("insufficient_credits");
            assertThat(r.json().path("price").asLong()).isEqualTo(1);
        });
        assertThat(Callers.ledger(stack).balance(account).balance()).isZero();
        long charged = 0;
        String cursor = null;
        do {
            var page = Callers.ledger(stack).ledger(account, cursor, 100);
            charged += page.entries().stream()
                    .filter(e -> e.type() == LedgerEntry.Type.CHARGE)
                    .mapToLong(LedgerEntry::amount)
                    .sum();
            cursor = page.nextCursor();
        } while (cursor != null);
        assertThat(charged).isEqualTo(-100);
    }

    @Test
    void sameIdempotencyKey_twentyTimesConcurrently_chargesOnce_andAnswersTheSameBody() throws Exception {
        String account = "acct_idem";
        Callers.ledger(stack).grant(account, 50, "idem", "idem-grant");

        List<ProxyResponse> responses = race(
                20,
                i -> auth.call(Callers.as(account, "POST", "/v1/credits/use")
                        .header("Idempotency-Key", "order-42")
                        .json("{\"amount\":7,\"reason\":\"order 42\"}")));

        assertThat(responses)
                .allSatisfy(r -> assertThat(r.status()).as(r.text()).isEqualTo(200));
        assertThat(responses.stream().map(ProxyResponse::text).distinct()).hasSize(1);
        assertThat(responses.get(0).header("X-Credits-Charged")).isEqualTo("7");
        assertThat(responses.get(0).header("X-Credits-Remaining")).isEqualTo("43");
        assertThat(Callers.ledger(stack).balance(account).balance()).isEqualTo(43);

        var other = auth.call(Callers.as(account, "POST", "/v1/credits/use")
                .header("Idempotency-Key", "order-42")
                .json("{\"amount\":8,\"reason\":\"order 42\"}"));
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("idempotency_key_reused");
        assertThat(Callers.ledger(stack).balance(account).balance()).isEqualTo(43);
    }

    interface Call {
        ProxyResponse run(int i) throws Exception;
    }

    static List<ProxyResponse> race(int count, Call call) throws Exception {
        var start = new CountDownLatch(1);
        try (var pool = Executors.newFixedThreadPool(Math.min(count, 32))) {
            var futures = new ArrayList<Future<ProxyResponse>>();
            for (int i = 0; i < count; i++) {
                int n = i;
                futures.add(pool.submit((Callable<ProxyResponse>) () -> {
                    start.await();
                    return call.run(n);
                }));
            }
            start.countDown();
            var responses = new ArrayList<ProxyResponse>();
            for (var f : futures) responses.add(f.get());
            return responses;
        }
    }
}
