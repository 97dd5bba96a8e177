package dev.mana.search.engine;

import static dev.mana.search.engine.EngineTestSupport.HTTP;
import static dev.mana.search.engine.EngineTestSupport.env;
import static dev.mana.search.engine.EngineTestSupport.query;
import static dev.mana.search.engine.EngineTestSupport.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.search.TimeRange;
import dev.mana.search.testing.LoopbackServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SearxngEngineTest {

    private final LoopbackServer server = LoopbackServer.start().answerFixture("/search", "searxng-search.json");
    private final SearchEngine engine =
            SearxngEngine.fromEnv(env(Map.of("MANA_SEARCH_SEARXNG_URL", server.url() + "/")), HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void search_readsResultsInOrder_withTitleUrlContentAndDate() throws Exception {
        var hits = engine.search(query("rust programming language"), soon());

        assertThat(hits).hasSize(5);
        assertThat(hits.get(0))
                .isEqualTo(new EngineHit(
                        "Rust Programming Language",
                        "https://www.rust-lang.org/",
                        "A language empowering everyone to build reliable and efficient software.",
                        null,
                        null));
        assertThat(hits.get(1).publishedAt()).isEqualTo("2024-05-02T00:00:00Z");
    }

    @Test
    void search_sendsTheJsonApiParameters() throws Exception {
        engine.search(query("rust lang", "de-CH", TimeRange.WEEK, 2, 10), soon());

        LoopbackServer.Request request = server.lastRequest();
        assertThat(request.path()).isEqualTo("/search");
        assertThat(request.params())
                .containsEntry("q", "rust lang")
                .containsEntry("format", "json")
                .containsEntry("categories", "general")
                .containsEntry("language", "de-CH")
                .containsEntry("time_range", "week")
                .containsEntry("safesearch", "2")
                .containsEntry("pageno", "1");
    }

    @Test
    void search_returnsAtMostTheAskedCount() throws Exception {
        assertThat(engine.search(query("rust", null, null, 1, 2), soon())).hasSize(2);
    }

    @Test
    void search_ofAnHtmlErrorPage_isAnEngineError() {
        server.answerFixture("/search", "garbage.html");

        assertThatThrownBy(() -> engine.search(query("rust"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("answer is not JSON");
    }

    @Test
    void withoutAnInstanceUrl_isNotConfigured() {
        assertThat(SearxngEngine.fromEnv(env(Map.of()), HTTP).isConfigured()).isFalse();
    }
}
