package dev.mana.extract.api;

import static dev.mana.extract.api.ExtractRouteErrorTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.TricklingServer;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.platform.fetch.FetchFailure;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import java.net.URI;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Peers that answer one byte a second, so that no single read ever times out: the TLS handshake
 * and the response head. Every outbound request ends by its deadline whatever the peer does; the
 * bound asserted is the one the API promises (within 1 s of {@code timeoutMs}, or of a bulk
 * request's whole budget), and a timed-out URL is never charged.
 */
@ExtendWith(AwsEmulatorExtension.class)
// Without the bound these calls would hang for hours: fail instead.
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class FetchDeadlineSecurityTest {
    static final long SLACK_MS = 1_000;
    static final long BULK_BUDGET_MS = 3_000;

    static ExtractFunction extract;
    static TricklingServer tls;
    static TricklingServer head;

    @BeforeAll
    static void start(EmulatedStack stack) throws Exception {
        extract = new ExtractFunction(
                stack,
                Map.of(
                        "MANA_FETCH_ALLOW_CIDRS",
                        ExtractFunction.LOOPBACK,
                        ExtractRoutes.BULK_BUDGET_VARIABLE,
                        String.valueOf(BULK_BUDGET_MS)));
        tls = TricklingServer.tlsHandshake();
        head = TricklingServer.httpHead();
    }

    @AfterAll
    static void stop() {
        tls.close();
        head.close();
    }

    @Test
    void extract_fromAPeerTricklingTheTlsHandshake_answers504WithinTimeoutMs_uncharged() {
        String account = extract.account(10);
        long started = System.nanoTime();

        var response = extract.extract(account, Bodies.extract(tls.url("https", "/slow"), Map.of("timeoutMs", 2_000)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertProblem(response, 504, "upstream_timeout");
        assertThat(tookMs).isLessThan(2_000 + SLACK_MS);
        assertThat(tls.connections()).isPositive();
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void extract_fromAPeerTricklingTheResponseHead_answers504WithinTimeoutMs() {
        String account = extract.account(10);
        long started = System.nanoTime();

        var response = extract.extract(account, Bodies.extract(head.url("http", "/slow"), Map.of("timeoutMs", 2_000)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertProblem(response, 504, "upstream_timeout");
        assertThat(tookMs).isLessThan(2_000 + SLACK_MS);
    }

    @Test
    void bulk_ofPeersTricklingTheTlsHandshake_endsWithinItsBudget_uncharged() {
        String account = extract.account(50);
        // More URLs than run at once, each allowed the longest timeout: only the budget ends them.
        List<String> urls = IntStream.range(0, ExtractRoutes.BULK_PARALLELISM + 4)
                .mapToObj(i -> tls.url("https", "/slow/" + i))
                .toList();
        long started = System.nanoTime();

        var response = extract.bulk(account, Bodies.bulk(urls, Map.of("timeoutMs", 30_000)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(tookMs).isLessThan(BULK_BUDGET_MS + SLACK_MS);
        assertThat(response.json().path("failed").asInt()).isEqualTo(urls.size());
        assertThat(response.json().path("results").findValuesAsText("code")).containsOnly("upstream_timeout");
        assertThat(response.header("X-Credits-Charged")).isEqualTo("0");
        assertThat(extract.balance(account)).isEqualTo(50);
    }

    @Test
    void webhookPost_toAPeerTricklingTheTlsHandshake_failsAsTimeoutWithinItsTimeout() {
        var fetcher = new PageFetcher(FetchPolicy.withAllowCidrs(ExtractFunction.LOOPBACK));
        long started = System.nanoTime();

        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                FetchFailure.class,
                () -> fetcher.post(
                        URI.create(tls.url("https", "/hook")),
                        "{}".getBytes(),
                        Collections.emptyMap(),
                        Duration.ofSeconds(2)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(failure).isNotNull();
        assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.TIMEOUT);
        assertThat(tookMs).isLessThan(2_000 + SLACK_MS);
    }

    @Test
    void fetch_whoseNameNeverResolves_failsAsTimeoutWithinItsTimeout() {
        var fetcher = new PageFetcher(FetchPolicy.defaults(), host -> {
            try {
                Thread.sleep(60_000); // a resolver that never answers
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            throw new java.net.UnknownHostException(host);
        });
        long started = System.nanoTime();

        var failure = org.assertj.core.api.Assertions.catchThrowableOfType(
                FetchFailure.class, () -> fetcher.fetch("https://slow-dns.example/", Duration.ofSeconds(2)));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertThat(failure.reason()).isEqualTo(FetchFailure.Reason.TIMEOUT);
        assertThat(tookMs).isLessThan(2_000 + SLACK_MS);
    }
}
