package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.LoopbackSite;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /v1/extract/bulk: results in input order, failures on their own, pages fetched concurrently. */
@ExtendWith(AwsEmulatorExtension.class)
class BulkExtractRouteHappyTest {

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
    void bulk_keepsInputOrder_andFailingUrlsFailAlone() {
        String account = extract.account(10);
        List<String> urls = List.of(
                site.page("/bulk/lighthouses", "article.html"),
                site.status("/bulk/gone", 404),
                site.page("/bulk/tides", "second.html"),
                "ftp://example.com/notes.txt");

        var response = extract.bulk(account, Bodies.bulk(urls, Map.of("formats", List.of("markdown", "text"))));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results).hasSize(4);
        assertThat(results.get(0).path("url").asText()).isEqualTo(urls.get(0));
        assertThat(results.get(0).path("title").asText()).isEqualTo("How Lighthouses Work");
        assertThat(results.get(0).path("text").asText()).contains("Lighthouses have guided ships");
        assertThat(results.get(1).path("url").asText()).isEqualTo(urls.get(1));
        assertThat(results.get(1).path("status").asInt()).isEqualTo(502);
        assertThat(results.get(1).path("code").asText()).isEqualTo("upstream_failed");
        assertThat(results.get(1).path("upstreamStatus").asInt()).isEqualTo(404);
        assertThat(results.get(1).path("requestId").asText()).isNotBlank();
        assertThat(results.get(2).path("title").asText()).startsWith("Reading a Tide Table");
        assertThat(results.get(3).path("status").asInt()).isEqualTo(422);
        assertThat(results.get(3).path("code").asText()).isEqualTo("invalid_field");
        assertThat(results.get(3).path("field").asText()).isEqualTo("urls[3]");
        assertThat(response.json().path("succeeded").asInt()).isEqualTo(2);
        assertThat(response.json().path("failed").asInt()).isEqualTo(2);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("2");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("8");
    }

    @Test
    void bulk_fetchesPagesConcurrently() {
        String account = extract.account(10);
        List<String> urls = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            urls.add(site.slowPage("/slow/" + i, "second.html", Duration.ofMillis(800)));
        }

        long started = System.nanoTime();
        var response = extract.bulk(account, Bodies.bulk(urls));
        long elapsedMs = (System.nanoTime() - started) / 1_000_000;

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("succeeded").asInt()).isEqualTo(8);
        assertThat(elapsedMs).as("8 pages of 800 ms each, 8 at once").isLessThan(8 * 800 / 2);
    }

    @Test
    void aPageNamedTwice_isFetchedOnce_andAnsweredAndChargedForEach() {
        String account = extract.account(10);
        String url = site.page("/bulk/twice", "second.html");

        var response = extract.bulk(account, Bodies.bulk(List.of(url, url + "#again")));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode results = response.json().path("results");
        assertThat(results.get(0).path("url").asText()).isEqualTo(url);
        assertThat(results.get(1).path("url").asText()).isEqualTo(url + "#again");
        assertThat(results.get(1).path("title").asText()).startsWith("Reading a Tide Table");
        assertThat(site.hits("/bulk/twice")).isEqualTo(1);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("2");
    }
}
