package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.LoopbackEngines;
import dev.mana.search.testing.LoopbackServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** A slow, failing or garbage-answering engine never fails the search; its status says why. */
class MetaSearchResilienceTest {

    private final LoopbackEngines engines = new LoopbackEngines();

    @AfterEach
    void stop() {
        engines.close();
    }

    @Test
    void search_withOneEngineDownOneSlowAndOneAnsweringGarbage_answersWithTheOthersAndHonestStatuses() {
        engines.env().put("MANA_SEARCH_SEARXNG_URL", LoopbackServer.deadUrl());
        engines.env().put("MANA_SEARCH_BRAVE_TIMEOUT_MS", "300");
        engines.brave.answerFixture(LoopbackEngines.BRAVE_PATH, "brave-web-search.json", Duration.ofSeconds(3));
        engines.duckduckgo.answerFixture(LoopbackEngines.DUCKDUCKGO_PATH, "garbage.html");

        long start = System.nanoTime();
        SearchResponse response = engines.metaSearch().search(SearchRequest.of("rust programming language"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.engines().get("searxng").status()).isEqualTo(EngineStatus.ERROR);
        assertThat(response.engines().get("searxng").error()).isEqualTo("could not connect");
        assertThat(response.engines().get("brave").status()).isEqualTo(EngineStatus.TIMEOUT);
        assertThat(response.engines().get("brave").latencyMs()).isBetween(250L, 2000L);
        assertThat(response.engines().get("duckduckgo").status()).isEqualTo(EngineStatus.ERROR);
        assertThat(response.engines().get("duckduckgo").error()).isEqualTo("page is not a DuckDuckGo results page");
        assertThat(response.engines().get("wikipedia").status()).isEqualTo(EngineStatus.OK);
        assertThat(response.engines().get("wikipedia").count()).isEqualTo(3);
        assertThat(response.results())
                .extracting(SearchResult::url)
                .containsExactly(
                        "https://en.wikipedia.org/wiki/Rust_(programming_language)",
                        "https://en.wikipedia.org/wiki/Rust",
                        "https://en.wikipedia.org/wiki/Graydon_Hoare");
        // The slow engine was cut off at its timeout, not waited for.
        assertThat(tookMs).isLessThan(2000);
    }

    @Test
    void search_withJsonOfTheWrongShape_reportsAnErrorNamingWhatIsMissing() {
        engines.searxng.answer(LoopbackEngines.SEARXNG_PATH, 200, "application/json", "{\"foo\": 1}", Duration.ZERO);
        engines.brave.answer(LoopbackEngines.BRAVE_PATH, 429, "application/json", "{}", Duration.ZERO);

        SearchResponse response = engines.metaSearch().search(SearchRequest.of("rust"));

        assertThat(response.engines().get("searxng").error()).isEqualTo("answer has no results array");
        assertThat(response.engines().get("brave").error()).isEqualTo("HTTP 429");
        assertThat(response.engines().get("wikipedia").status()).isEqualTo(EngineStatus.OK);
        assertThat(response.results()).isNotEmpty();
    }

    @Test
    void search_withEveryEngineFailing_answersNoResultsWithEveryStatus_ratherThanFailing() {
        String dead = LoopbackServer.deadUrl();
        engines.env().put("MANA_SEARCH_SEARXNG_URL", dead);
        engines.env().put("MANA_SEARCH_WIKIPEDIA_URL", dead);
        engines.env().put("MANA_SEARCH_DUCKDUCKGO_URL", dead);
        engines.env().put("MANA_SEARCH_BRAVE_URL", dead);

        SearchResponse response = engines.metaSearch().search(SearchRequest.of("rust"));

        assertThat(response.results()).isEmpty();
        assertThat(response.engines()).hasSize(4);
        assertThat(response.engines().values()).allMatch(r -> r.status() == EngineStatus.ERROR);
    }

    @Test
    void search_stopsWaitingAtTheTotalDeadline_evenWhenEngineTimeoutsAreLonger() {
        engines.env().put("MANA_SEARCH_DEADLINE_MS", "400");
        engines.searxng.answerFixture(LoopbackEngines.SEARXNG_PATH, "searxng-search.json", Duration.ofSeconds(3));

        long start = System.nanoTime();
        SearchResponse response = engines.metaSearch().search(SearchRequest.of("rust"));
        long tookMs = (System.nanoTime() - start) / 1_000_000;

        assertThat(response.engines().get("searxng").status()).isEqualTo(EngineStatus.TIMEOUT);
        assertThat(response.engines().get("wikipedia").status()).isEqualTo(EngineStatus.OK);
        assertThat(tookMs).isLessThan(1500);
    }
}
