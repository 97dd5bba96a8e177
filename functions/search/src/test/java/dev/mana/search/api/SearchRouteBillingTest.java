package dev.mana.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.search.testing.SearchFunction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Each search costs one credit through the real ledger: cache hits too, never bad input, once per Idempotency-Key. */
@ExtendWith(AwsEmulatorExtension.class)
class SearchRouteBillingTest {
    static SearchFunction search;

    @BeforeAll
    static void start(EmulatedStack stack) {
        search = new SearchFunction(stack);
    }

    @AfterAll
    static void stop() {
        search.close();
    }

    static void fund(String accountId, long credits) {
        search.ledger.grant(accountId, credits, "test", "fund-" + accountId);
    }

    @Test
    void search_isCharged_withCreditHeaders_andCountedInUsage() {
        fund("acct_bill", 10);

        var response = search.search("acct_bill", "{\"query\":\"rust\"}", null);

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("9");
        assertThat(search.balance("acct_bill")).isEqualTo(9);
        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(search.usage.series("acct_bill", today, today, null))
                .singleElement()
                .satisfies(point -> {
                    assertThat(point.service()).isEqualTo("search");
                    assertThat(point.calls()).isEqualTo(1);
                    assertThat(point.credits()).isEqualTo(1);
                });
    }

    @Test
    void cacheHit_isChargedToo() {
        fund("acct_cache", 10);
        search.search("acct_cache", "{\"query\":\"cache me\"}", null);

        var hit = search.search("acct_cache", "{\"query\":\"cache me\"}", null);

        assertThat(hit.json().path("cached").asBoolean()).isTrue();
        assertThat(hit.header("X-Credits-Remaining")).isEqualTo("8");
    }

    @Test
    void sameIdempotencyKey_chargesOnce() {
        fund("acct_idem", 10);

        var first = search.search("acct_idem", "{\"query\":\"once\"}", "idem-1");
        var retry = search.search("acct_idem", "{\"query\":\"once\"}", "idem-1");

        assertThat(first.status()).isEqualTo(200);
        assertThat(retry.status()).isEqualTo(200);
        assertThat(search.balance("acct_idem")).isEqualTo(9);
    }

    @Test
    void badInput_isNeverCharged() {
        fund("acct_bad", 10);

        var response = search.search("acct_bad", "{\"query\":\"\"}", null);

        assertThat(response.status()).isEqualTo(422);
        assertThat(search.balance("acct_bad")).isEqualTo(10);
    }

    @Test
    void withoutCredits_answers402WithBalanceAndPrice_beforeAnyEngineIsAsked() {
        int asked = search.engines.wikipedia.requests().size();

        var response = search.search("acct_broke", "{\"query\":\"free lunch\"}", null);

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().path("code").asText()).isEqualTo("insufficient_credits");
        assertThat(response.json().path("balance").asLong()).isZero();
        assertThat(response.json().path("price").asLong()).isEqualTo(1);
        assertThat(search.engines.wikipedia.requests()).hasSize(asked);
    }
}
