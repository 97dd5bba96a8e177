package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.LoopbackSite;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** One credit per URL extracted, through the real ledger: cache hits too, failures never. */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractRouteBillingTest {

    static ExtractFunction extract;
    static LoopbackSite site;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void extract_chargesOneCredit_withCreditHeaders_andCountsUsage() {
        String account = extract.account(5);

        var response = extract.extract(account, Bodies.extract(site.page("/paid", "article.html")));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("4");
        assertThat(extract.balance(account)).isEqualTo(4);
        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(extract.usage.series(account, today, today, null))
                .singleElement()
                .satisfies(point -> {
                    assertThat(point.service()).isEqualTo("extract");
                    assertThat(point.calls()).isEqualTo(1);
                    assertThat(point.credits()).isEqualTo(1);
                });
    }

    @Test
    void aCacheHit_isChargedToo() {
        String account = extract.account(5);
        String url = site.page("/paid-twice", "article.html");
        extract.extract(account, Bodies.extract(url));

        var hit = extract.extract(account, Bodies.extract(url));

        assertThat(hit.json().path("cached").asBoolean()).isTrue();
        assertThat(hit.header("X-Credits-Remaining")).isEqualTo("3");
        assertThat(extract.balance(account)).isEqualTo(3);
    }

    @Test
    void aFailedExtraction_isNotCharged() {
        String account = extract.account(5);

        var response = extract.extract(account, Bodies.extract(site.status("/unpaid", 500)));

        assertThat(response.status()).isEqualTo(502);
        assertThat(response.header("X-Credits-Charged")).isNull();
        assertThat(extract.balance(account)).isEqualTo(5);
    }

    @Test
    void withoutCredits_answers402_beforeThePageIsFetched() {
        String account = extract.account(0);
        String url = site.page("/broke", "article.html");

        var single = extract.extract(account, Bodies.extract(url));
        var bulk = extract.bulk(account, Bodies.bulk(List.of(url)));

        for (var response : List.of(single, bulk)) {
            assertThat(response.status()).as(response.text()).isEqualTo(402);
            assertThat(response.json().path("code").asText()).isEqualTo("insufficient_credits");
            assertThat(response.json().path("balance").asLong()).isZero();
            assertThat(response.json().path("price").asLong()).isEqualTo(1);
        }
        assertThat(site.hits("/broke")).isZero();
    }

    @Test
    void bulk_chargesEachSuccess_andAUrlTheBalanceCannotPayFor_isA402Item() {
        String account = extract.account(1);
        List<String> urls = List.of(site.page("/one", "article.html"), site.page("/two", "second.html"));

        var response = extract.bulk(account, Bodies.bulk(urls));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results.get(0).path("title").asText()).isEqualTo("How Lighthouses Work");
        assertThat(results.get(1).path("status").asInt()).isEqualTo(402);
        assertThat(results.get(1).path("code").asText()).isEqualTo("insufficient_credits");
        assertThat(results.get(1).path("url").asText()).isEqualTo(urls.get(1));
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("0");
        assertThat(extract.balance(account)).isZero();
    }

    @Test
    void theSameIdempotencyKey_chargesOnce_perUrl() {
        String account = extract.account(10);
        String url = site.page("/idem", "article.html");
        List<String> urls = List.of(url, site.page("/idem-2", "second.html"));

        for (int i = 0; i < 2; i++) {
            extract.call(ExtractFunction.post("/v1/extract", account, Bodies.extract(url))
                    .header("Idempotency-Key", "single-1"));
            var bulk = extract.call(ExtractFunction.post("/v1/extract/bulk", account, Bodies.bulk(urls))
                    .header("Idempotency-Key", "bulk-1"));
            assertThat(bulk.json().path("succeeded").asInt()).isEqualTo(2);
        }

        assertThat(extract.balance(account)).isEqualTo(10 - 1 - 2);
    }
}
