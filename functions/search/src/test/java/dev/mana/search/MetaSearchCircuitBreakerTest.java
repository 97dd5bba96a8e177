package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.engine.EngineHttp;
import dev.mana.search.engine.EngineRegistry;
import dev.mana.search.testing.LoopbackEngines;
import dev.mana.search.testing.ManualClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** An engine that keeps failing is skipped for a cool-down, then probed once. */
class MetaSearchCircuitBreakerTest {

    private final LoopbackEngines engines = new LoopbackEngines();
    private final ManualClock clock = new ManualClock();
    private final MetaSearch search = new MetaSearch(
            EngineRegistry.fromEnv(engines.env(), EngineHttp.create("test")),
            SearchCache.none(),
            new SearchSettings(Duration.ofSeconds(5), 2, Duration.ofSeconds(30), "test"),
            clock);
    private final SearchRequest braveOnly =
            new SearchRequest("rust", SearchOptions.defaults().withEngines(List.of("brave", "wikipedia")));

    @AfterEach
    void stop() {
        engines.close();
    }

    private void braveAnswers(int status) {
        engines.brave.answer(LoopbackEngines.BRAVE_PATH, status, "application/json", "{}", Duration.ZERO);
    }

    @Test
    void engineFailingTwiceInARow_isSkippedWithoutBeingAsked_untilTheCoolDownEnds() {
        braveAnswers(500);
        search.search(braveOnly);
        search.search(braveOnly);
        int asked = engines.brave.requests().size();

        SearchResponse third = search.search(braveOnly);

        assertThat(asked).isEqualTo(2);
        assertThat(engines.brave.requests()).hasSize(2);
        assertThat(third.engines().get("brave").status()).isEqualTo(EngineStatus.SKIPPED);
        assertThat(third.engines().get("brave").error()).startsWith("circuit open");
        assertThat(third.engines().get("wikipedia").status()).isEqualTo(EngineStatus.OK);
        assertThat(health("brave").circuit()).isEqualTo("open");
    }

    @Test
    void afterTheCoolDown_oneProbeThatSucceeds_closesTheCircuit() {
        braveAnswers(500);
        search.search(braveOnly);
        search.search(braveOnly);
        engines.brave.answerFixture(LoopbackEngines.BRAVE_PATH, "brave-web-search.json");
        clock.advance(Duration.ofSeconds(31));

        SearchResponse probe = search.search(braveOnly);
        SearchResponse next = search.search(braveOnly);

        assertThat(probe.engines().get("brave").status()).isEqualTo(EngineStatus.OK);
        assertThat(next.engines().get("brave").status()).isEqualTo(EngineStatus.OK);
        assertThat(health("brave").circuit()).isEqualTo("closed");
    }

    @Test
    void afterTheCoolDown_aProbeThatFails_opensTheCircuitAgainAtOnce() {
        braveAnswers(503);
        search.search(braveOnly);
        search.search(braveOnly);
        clock.advance(Duration.ofSeconds(31));

        search.search(braveOnly);
        SearchResponse afterProbe = search.search(braveOnly);

        assertThat(engines.brave.requests()).hasSize(3);
        assertThat(afterProbe.engines().get("brave").status()).isEqualTo(EngineStatus.SKIPPED);
    }

    @Test
    void engineHealth_listsEveryEngine_withCategoriesConfigurationAndRecentOutcomes() {
        braveAnswers(500);
        search.search(braveOnly);

        List<EngineHealth> all = search.engines();

        assertThat(all)
                .extracting(EngineHealth::name)
                .containsExactly("searxng", "wikipedia", "duckduckgo", "brave", "arxiv");
        assertThat(all).allMatch(EngineHealth::configured);
        assertThat(all.get(4).categories()).containsExactly(Category.SCIENCE);
        EngineHealth.Health brave = health("brave");
        assertThat(brave.lastStatus()).isEqualTo(EngineStatus.ERROR);
        assertThat(brave.lastError()).isEqualTo("HTTP 500");
        assertThat(brave.failures()).isEqualTo(1);
        assertThat(brave.consecutiveFailures()).isEqualTo(1);
        assertThat(brave.lastCheckedAt()).isEqualTo("2025-01-01T00:00:00Z");
        EngineHealth.Health wikipedia = health("wikipedia");
        assertThat(wikipedia.successes()).isEqualTo(1);
        assertThat(wikipedia.lastLatencyMs()).isNotNull();
        assertThat(health("arxiv").lastStatus()).isNull();
        assertThat(health("arxiv").circuit()).isEqualTo("closed");
    }

    private EngineHealth.Health health(String engine) {
        return search.engines().stream()
                .filter(e -> e.name().equals(engine))
                .findFirst()
                .orElseThrow()
                .health();
    }
}
