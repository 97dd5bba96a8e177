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

class DuckDuckGoEngineTest {

    private final LoopbackServer server = LoopbackServer.start().answerFixture("/html/", "duckduckgo-html.html");
    private final SearchEngine engine =
            DuckDuckGoEngine.fromEnv(env(Map.of("MANA_SEARCH_DUCKDUCKGO_URL", server.url())), HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void search_unwrapsTheRedirectLinks_andDropsAds() throws Exception {
        var hits = engine.search(query("rust programming language"), soon());

        assertThat(hits)
                .extracting(EngineHit::url)
                .containsExactly(
                        "https://www.rust-lang.org/?utm_source=duckduckgo",
                        "https://doc.rust-lang.org/book/#introduction",
                        "https://en.wikipedia.org/wiki/Rust_(programming_language)",
                        "https://stackoverflow.com/questions/tagged/rust");
        assertThat(hits.get(0).title()).isEqualTo("Rust Programming Language - A language empowering everyone");
        assertThat(hits.get(0).snippet()).startsWith("A language empowering everyone to build reliable and efficient");
        assertThat(hits.get(3).title()).isEqualTo("Newest 'rust' Questions - Stack Overflow");
    }

    @Test
    void search_sendsQueryRegionTimeAndSafesearch() throws Exception {
        engine.search(query("rust", "de-CH", TimeRange.MONTH, 2, 10), soon());

        assertThat(server.lastRequest().params())
                .containsEntry("q", "rust")
                .containsEntry("kl", "ch-de")
                .containsEntry("df", "m")
                .containsEntry("kp", "1");
    }

    @Test
    void search_ofTheNoResultsPage_isAnEmptyAnswer() throws Exception {
        server.answerFixture("/html/", "duckduckgo-no-results.html");

        assertThat(engine.search(query("zzqqxxnothing"), soon())).isEmpty();
    }

    @Test
    void search_ofABotChallengePage_isAnEngineError_notAnEmptyAnswer() {
        server.answerFixture("/html/", "duckduckgo-challenge.html");

        assertThatThrownBy(() -> engine.search(query("rust"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("page is not a DuckDuckGo results page");
    }

    @Test
    void target_keepsDirectLinks_andRejectsInternalOnes() {
        assertThat(DuckDuckGoEngine.target("https://example.com/a")).isEqualTo("https://example.com/a");
        assertThat(DuckDuckGoEngine.target("https://duckduckgo.com/y.js?ad_domain=x"))
                .isNull();
        assertThat(DuckDuckGoEngine.target("/html/?q=next")).isNull();
    }
}
