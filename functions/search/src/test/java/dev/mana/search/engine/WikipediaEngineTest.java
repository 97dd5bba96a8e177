package dev.mana.search.engine;

import static dev.mana.search.engine.EngineTestSupport.HTTP;
import static dev.mana.search.engine.EngineTestSupport.env;
import static dev.mana.search.engine.EngineTestSupport.query;
import static dev.mana.search.engine.EngineTestSupport.soon;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.search.testing.LoopbackServer;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class WikipediaEngineTest {

    private final LoopbackServer server = LoopbackServer.start()
            .answerFixture("/en/w/api.php", "wikipedia-search-en.json")
            .answerFixture("/de/w/api.php", "wikipedia-search-de.json");
    private final SearchEngine engine =
            WikipediaEngine.fromEnv(env(Map.of("MANA_SEARCH_WIKIPEDIA_URL", server.url() + "/{lang}")), HTTP);

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void search_linksToThePublicArticle_withTheSnippetsHtmlStripped() throws Exception {
        var hits = engine.search(query("rust programming language"), soon());

        assertThat(hits)
                .extracting(EngineHit::title)
                .containsExactly("Rust (programming language)", "Rust", "Graydon Hoare");
        assertThat(hits.get(0).url()).isEqualTo("https://en.wikipedia.org/wiki/Rust_(programming_language)");
        assertThat(hits.get(0).snippet())
                .startsWith("Rust is a general-purpose programming language emphasizing performance")
                .doesNotContain("<", "searchmatch");
    }

    @Test
    void search_asksTheWikiOfTheRequestedLanguage() throws Exception {
        var hits = engine.search(query("rust", "de-AT", null, 1, 10), soon());

        assertThat(server.lastRequest().path()).isEqualTo("/de/w/api.php");
        assertThat(hits.get(0).url()).isEqualTo("https://de.wikipedia.org/wiki/Rust_(Programmiersprache)");
    }

    @Test
    void search_sendsTheMediaWikiSearchParameters() throws Exception {
        engine.search(query("rust lang", null, null, 1, 7), soon());

        assertThat(server.lastRequest().params())
                .containsEntry("action", "query")
                .containsEntry("list", "search")
                .containsEntry("format", "json")
                .containsEntry("srsearch", "rust lang")
                .containsEntry("srlimit", "7");
    }

    @Test
    void search_ofAMediaWikiError_isAnEngineErrorWithItsCode() {
        server.answerFixture("/en/w/api.php", "mediawiki-error.json");

        assertThatThrownBy(() -> engine.search(query("rust"), soon()))
                .isInstanceOf(EngineException.class)
                .hasMessage("MediaWiki error srsearch-text-disabled");
    }

    @Test
    void articleUrl_escapesWhatAUrlPathCannotHold() {
        assertThat(WikipediaEngine.articleUrl("en", "C++ (language) 100% #1?"))
                .isEqualTo("https://en.wikipedia.org/wiki/C++_(language)_100%25_%231%3F");
        assertThat(WikipediaEngine.articleUrl("de", "Zürich")).isEqualTo("https://de.wikipedia.org/wiki/Z%C3%BCrich");
    }
}
