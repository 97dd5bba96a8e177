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

class ArxivEngineTest {

    private final LoopbackServer server = LoopbackServer.start().answerFixture("/api/query", "arxiv-query.xml");
    private final SearchEngine engine = ArxivEngine.fromEnv(env(Map.of("MANA_SEARCH_ARXIV_URL", server.url())), HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void search_readsAtomEntries_withHttpsAbstractLinksAndPublishedDates() throws Exception {
        var hits = engine.search(query("rust programming"), soon());

        assertThat(hits).hasSize(2);
        assertThat(hits.get(0).title()).isEqualTo("Oxide: The Essence of Rust");
        assertThat(hits.get(0).url()).isEqualTo("https://arxiv.org/abs/1903.00982v3");
        assertThat(hits.get(0).publishedAt()).isEqualTo("2019-03-03T19:45:01Z");
        assertThat(hits.get(0).snippet())
                .isEqualTo("Rust claims to advance industrial programming by bridging the gap between"
                        + " low-level systems programming and high-level application programming.");
    }

    @Test
    void search_asksForEveryWord_fromTheStart_upToTheCount() throws Exception {
        engine.search(query("rust (programming) \"safety\"", null, null, 1, 5), soon());

        assertThat(server.lastRequest().params())
                .containsEntry("search_query", "all:rust AND all:programming AND all:safety")
                .containsEntry("start", "0")
                .containsEntry("max_results", "5");
    }

    @Test
    void search_withATimeRange_addsASubmittedDateRange() throws Exception {
        engine.search(query("rust", null, TimeRange.YEAR, 1, 5), soon());

        assertThat(server.lastRequest().param("search_query"))
                .matches("all:rust AND submittedDate:\\[\\d{12} TO \\d{12}]");
    }

    @Test
    void search_ofAnArxivErrorFeed_isAnEngineError() {
        server.answerFixture("/api/query", "arxiv-error.xml");

        assertThatThrownBy(() -> engine.search(query("rust"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("arXiv rejected the query");
    }

    @Test
    void search_ofSomethingThatIsNotAFeed_isAnEngineError() {
        server.answerFixture("/api/query", "garbage.html");

        assertThatThrownBy(() -> engine.search(query("rust"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("answer is not an Atom feed");
    }
}
