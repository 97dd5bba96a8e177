package dev.mana.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.emulator.TricklingServer;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.search.SearchApplication;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A search no engine answered is no answer: 502 {@code upstream_failed} with the engine reports,
 * and not a credit taken, whether the engines refuse connections or hold them open trickling
 * their TLS handshake (which the search's deadline must end).
 */
@ExtendWith(AwsEmulatorExtension.class)
@Timeout(value = 30, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class SearchBillingSecurityTest {
    static final String[] ENGINES = {"SEARXNG", "WIKIPEDIA", "DUCKDUCKGO", "BRAVE", "ARXIV"};
    static final long DEADLINE_MS = 2_000;

    static TricklingServer trickling;
    static LambdaHarness unreachable;
    static LambdaHarness slow;
    static CreditLedger ledger;

    @BeforeAll
    static void start(EmulatedStack stack) throws Exception {
        trickling = TricklingServer.tlsHandshake();
        // Port 9 (discard) on loopback: nothing listens, every connection is refused.
        unreachable = searchWithEnginesAt(stack, "http://127.0.0.1:9");
        slow = searchWithEnginesAt(stack, trickling.url("https", ""));
        ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
    }

    @AfterAll
    static void stop() {
        trickling.close();
    }

    static LambdaHarness searchWithEnginesAt(EmulatedStack stack, String base) {
        Map<String, String> env = new HashMap<>(stack.environment("SearchFunction"));
        for (String engine : ENGINES) env.put("MANA_SEARCH_" + engine + "_URL", base);
        env.put("MANA_SEARCH_WIKIPEDIA_URL", base + "/{lang}");
        env.put("MANA_SEARCH_BRAVE_KEY", "test-brave-key");
        env.put("MANA_SEARCH_DEADLINE_MS", String.valueOf(DEADLINE_MS));
        return LambdaHarness.start(SearchApplication.class, env);
    }

    static ProxyResponse search(LambdaHarness function, String account, String query) {
        return function.call(ProxyEvent.request("POST", "/v1/search")
                .json("{\"query\":\"" + query + "\"}")
                .caller(account, "key_test", "free"));
    }

    static void assertUpstreamFailedUncharged(ProxyResponse response, String account) {
        assertThat(response.status()).as(response.text()).isEqualTo(502);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("upstream_failed");
        assertThat(response.json().path("engines").size()).isPositive();
        response.json()
                .path("engines")
                .forEach(report -> assertThat(report.path("status").asText()).isIn("error", "timeout", "skipped"));
        assertThat(response.header("X-Credits-Charged")).isNull();
        assertThat(ledger.balance(account).balance()).isEqualTo(5);
    }

    @Test
    void searchWhenEveryEngineRefusesTheConnection_answers502WithReports_andChargesNothing() {
        ledger.grant("acct_no_engines", 5, "test", "fund-acct_no_engines");

        var response = search(unreachable, "acct_no_engines", "anything");

        assertUpstreamFailedUncharged(response, "acct_no_engines");
        assertThat(response.json().path("engines").findValuesAsText("status")).contains("error");
    }

    @Test
    void searchWhenEveryEngineTricklesItsTlsHandshake_answers502ByTheDeadline_andChargesNothing() {
        ledger.grant("acct_slow_engines", 5, "test", "fund-acct_slow_engines");
        long started = System.nanoTime();

        var response = search(slow, "acct_slow_engines", "slow");

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertUpstreamFailedUncharged(response, "acct_slow_engines");
        assertThat(response.json().path("engines").findValuesAsText("status")).contains("timeout");
        assertThat(tookMs).isLessThan(DEADLINE_MS + 1_000);
    }
}
