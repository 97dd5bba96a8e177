package dev.mana.extract.api;

import static dev.mana.extract.api.ExtractRouteErrorTest.assertProblem;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.service.ExtractionWork;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.LoopbackSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Pages and selectors built to burn CPU or the stack: each is a clear 422 within a bound, never
 * minutes of a busy core or a 500, and never charged.
 */
@ExtendWith(AwsEmulatorExtension.class)
// Without the bounds these requests would run for minutes: fail instead.
@Timeout(value = 60, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ExtractLimitsSecurityTest {
    static final long WORK_MS = 2_000;
    static final long SLACK_MS = 1_000;

    static ExtractFunction extract;
    static LoopbackSite site;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        extract = new ExtractFunction(
                stack,
                Map.of(
                        "MANA_FETCH_ALLOW_CIDRS",
                        ExtractFunction.LOOPBACK,
                        ExtractionWork.BUDGET_VARIABLE,
                        String.valueOf(WORK_MS)));
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static String html(String body) {
        return "<!doctype html><html><head><title>t</title></head><body>" + body + "</body></html>";
    }

    static String page(String path, String html) {
        return site.body(path, 200, "text/html; charset=utf-8", html, Duration.ZERO);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "p:has(~ p:has(~ p))",
                "div:has(p:has(span))",
                "div:has(:not(:has(p)))",
                "p:matches((a+)+$)",
                "p:matchesOwn(x)",
                "p:matchesWholeText(.*)"
            })
    void selectorsWithNestedHasOrARegex_areRefused422_beforeTheFetch(String selector) {
        String account = extract.account(10);
        String url = page("/never", html("<p>text</p>"));

        var response = extract.extract(account, Bodies.extract(url, Map.of("excludeSelectors", List.of(selector))));

        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("field").asText()).isEqualTo("options.excludeSelectors[0]");
        assertThat(response.json().path("reason").asText()).isEqualTo("selector_too_complex");
        assertThat(site.hits("/never")).isZero();
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void aQuadraticSelectorOnABigPage_answers422WithinTheWorkBudget_uncharged() {
        String account = extract.account(10);
        // 60,000 siblings and a :has over the following ones that never matches: 1.8e9 steps.
        String url = page("/big", html("<p>word</p>".repeat(60_000)));
        long started = System.nanoTime();

        var response =
                extract.extract(account, Bodies.extract(url, Map.of("excludeSelectors", List.of("p:has(~ div)"))));

        long tookMs = (System.nanoTime() - started) / 1_000_000;
        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("reason").asText()).isEqualTo("too_complex");
        assertThat(response.json().path("detail").asText()).contains("options.excludeSelectors");
        assertThat(tookMs).isLessThan(WORK_MS + SLACK_MS + 1_000); // the fetch and parse of 660 KB, too
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void twentyThousandNestedDivs_answers422TooDeep_uncharged() {
        String account = extract.account(10);
        String url = page("/deep", html("<div>".repeat(20_000) + "deep text" + "</div>".repeat(20_000)));

        var response = extract.extract(account, Bodies.extract(url));

        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("field").asText()).isEqualTo("url");
        assertThat(response.json().path("reason").asText()).isEqualTo("too_deep");
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void inBulk_aTooDeepPageIsItsOwnProblem_andTheOtherUrlIsServed() {
        String account = extract.account(10);
        String deep = page("/deep-bulk", html("<div>".repeat(20_000) + "deep" + "</div>".repeat(20_000)));
        String fine = site.page("/fine", "article.html");

        var response = extract.bulk(account, Bodies.bulk(List.of(deep, fine)));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("results").get(0).path("reason").asText())
                .isEqualTo("too_deep");
        assertThat(response.json().path("results").get(1).path("markdown").asText())
                .isNotEmpty();
    }
}
