package dev.mana.search.engine;

import static dev.mana.search.engine.EngineTestSupport.HTTP;
import static dev.mana.search.engine.EngineTestSupport.env;
import static dev.mana.search.engine.EngineTestSupport.query;
import static dev.mana.search.engine.EngineTestSupport.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.search.TimeRange;
import dev.mana.search.testing.LoopbackServer;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BraveEngineTest {

    private static final String PATH = "/res/v1/web/search";

    private final LoopbackServer server = LoopbackServer.start().answerFixture(PATH, "brave-web-search.json");
    private final SearchEngine engine = BraveEngine.fromEnv(
            env(Map.of("MANA_SEARCH_BRAVE_URL", server.url(), "MANA_SEARCH_BRAVE_KEY", "secret-key")), HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void search_readsWebResults_withStrippedDescriptionsDatesAndThumbnails() throws Exception {
        var hits = engine.search(query("rust programming language"), soon());

        assertThat(hits).hasSize(4);
        assertThat(hits.get(0))
                .isEqualTo(new EngineHit(
                        "Rust Programming Language",
                        "https://rust-lang.org",
                        "A language empowering everyone to build reliable and efficient software.",
                        "2024-04-30T00:00:00Z",
                        "https://imgs.search.brave.com/thumb/rust-lang.org.png"));
    }

    @Test
    void search_sendsTheSubscriptionTokenAndTheDocumentedParameters() throws Exception {
        engine.search(query("rust", "fr-CA", TimeRange.DAY, 0, 50), soon());

        LoopbackServer.Request request = server.lastRequest();
        assertThat(request.headers()).containsEntry("x-subscription-token", "secret-key");
        assertThat(request.params())
                .containsEntry("q", "rust")
                .containsEntry("count", "20")
                .containsEntry("safesearch", "off")
                .containsEntry("freshness", "pd")
                .containsEntry("search_lang", "fr");
    }

    @Test
    void search_withoutAWebSection_isAnEmptyAnswer() throws Exception {
        server.answer(
                PATH, 200, "application/json", "{\"type\":\"search\",\"query\":{\"original\":\"x\"}}", Duration.ZERO);

        assertThat(engine.search(query("x"), soon())).isEmpty();
    }

    @Test
    void search_ofAnUnrelatedJsonDocument_isAnEngineError() {
        server.answer(PATH, 200, "application/json", "[1, 2, 3]", Duration.ZERO);

        assertThatThrownBy(() -> engine.search(query("x"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("answer is not a Brave search response");
    }

    @Test
    void withoutAKey_isNotConfigured_andTheKeyNeverPrints() {
        assertThat(BraveEngine.fromEnv(env(Map.of()), HTTP).isConfigured()).isFalse();
        assertThat(EngineConfig.fromEnv(
                                env(Map.of("MANA_SEARCH_BRAVE_KEY", "secret-key")), "brave", null, Duration.ZERO)
                        .toString())
                .doesNotContain("secret-key");
    }
}
