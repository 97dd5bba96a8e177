package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.LoopbackEngines;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code options.engines} and {@code options.categories} decide which engines are asked. */
class MetaSearchSelectionTest {

    private final LoopbackEngines engines = new LoopbackEngines();

    @AfterEach
    void stop() {
        engines.close();
    }

    private SearchResponse search(SearchOptions options) {
        return engines.metaSearch().search(new SearchRequest("rust programming", options));
    }

    @Test
    void withoutOptions_asksEveryGeneralEngine_andNotArxiv() {
        SearchResponse response = search(SearchOptions.defaults());

        assertThat(response.engines().keySet()).containsExactly("searxng", "wikipedia", "duckduckgo", "brave");
        assertThat(engines.arxiv.requests()).isEmpty();
        assertThat(engines.searxng.lastRequest().param("categories")).isEqualTo("general");
    }

    @Test
    void scienceCategory_asksTheScienceEngines_andPassesTheCategoryToSearxng() {
        SearchResponse response = search(SearchOptions.defaults().withCategories(List.of("science")));

        assertThat(response.engines().keySet()).containsExactly("searxng", "wikipedia", "arxiv");
        assertThat(engines.duckduckgo.requests()).isEmpty();
        assertThat(engines.brave.requests()).isEmpty();
        assertThat(engines.searxng.lastRequest().param("categories")).isEqualTo("science");
        assertThat(response.results()).extracting(SearchResult::url).contains("https://arxiv.org/abs/1903.00982v3");
    }

    @Test
    void socialCategory_isAskedOfSearxngUnderItsOwnName() {
        search(SearchOptions.defaults().withCategories(List.of("social", "news")));

        assertThat(engines.searxng.lastRequest().param("categories")).isEqualTo("news,social media");
    }

    @Test
    void seedsRequest_googleGoesToSearxng_wikipediaToItsOwnEngine() {
        // The seed's own request: engine names SearXNG knows are passed to it.
        SearchResponse response = search(SearchOptions.defaults()
                .withCategories(List.of("general"))
                .withEngines(List.of("google", "wikipedia"))
                .withLimit(10));

        assertThat(response.engines().keySet()).containsExactly("searxng", "wikipedia");
        assertThat(engines.searxng.lastRequest().param("engines")).isEqualTo("google");
        assertThat(engines.duckduckgo.requests()).isEmpty();
        assertThat(response.results()).isNotEmpty();
    }

    @Test
    void searxngEngines_listsThePassedThroughNames_notTheServicesOwn() {
        assertThat(engines.metaSearch().searxngEngines())
                .contains("google", "bing")
                .doesNotContain("wikipedia");
    }

    @Test
    void aSearxngEngineName_withoutSearxng_is422SayingSo() {
        var validator = new dev.mana.search.internal.SearchValidator(java.util.Set.of("wikipedia", "brave"));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> validator.validate(
                        new SearchRequest("rust", SearchOptions.defaults().withEngines(List.of("google")))))
                .isInstanceOf(SearchValidationException.class)
                .hasMessageContaining("unknown engine 'google'")
                .hasMessageContaining("no SearXNG");
    }

    @Test
    void enginesFilter_asksOnlyTheNamedEngines() {
        SearchResponse response = search(SearchOptions.defaults().withEngines(List.of("brave", "Wikipedia")));

        assertThat(response.engines().keySet()).containsExactly("wikipedia", "brave");
        assertThat(engines.searxng.requests()).isEmpty();
        assertThat(engines.duckduckgo.requests()).isEmpty();
        assertThat(response.results())
                .allMatch(r -> r.engines().stream().allMatch(e -> e.equals("brave") || e.equals("wikipedia")));
    }

    @Test
    void namingArxivAlone_searchesItsOwnCategory() {
        SearchResponse response = search(SearchOptions.defaults().withEngines(List.of("arxiv")));

        assertThat(response.engines().get("arxiv").status()).isEqualTo(EngineStatus.OK);
        assertThat(response.engines().get("arxiv").count()).isEqualTo(2);
        assertThat(engines.arxiv.lastRequest().param("search_query")).isEqualTo("all:rust AND all:programming");
    }

    @Test
    void namedEngineNotServingTheAskedCategory_isSkippedWithTheReason() {
        SearchResponse response = search(
                SearchOptions.defaults().withEngines(List.of("arxiv", "brave")).withCategories(List.of("general")));

        assertThat(response.engines().get("arxiv")).isEqualTo(EngineReport.skipped("does not serve general"));
        assertThat(response.engines().get("brave").status()).isEqualTo(EngineStatus.OK);
        assertThat(engines.arxiv.requests()).isEmpty();
    }

    @Test
    void engineWithoutItsCredentials_isSkippedAsNotConfigured() {
        engines.env().remove("MANA_SEARCH_BRAVE_KEY");

        SearchResponse response = search(SearchOptions.defaults());

        assertThat(response.engines().get("brave")).isEqualTo(EngineReport.skipped("not configured"));
        assertThat(engines.brave.requests()).isEmpty();
        assertThat(response.engines().get("searxng").status()).isEqualTo(EngineStatus.OK);
    }

    @Test
    void imagesCategory_withSearxngUnconfigured_answersNoResultsAndSaysWhy() {
        engines.env().remove("MANA_SEARCH_SEARXNG_URL");

        SearchResponse response = search(SearchOptions.defaults().withCategories(List.of("images")));

        assertThat(response.results()).isEmpty();
        assertThat(response.engines()).containsOnlyKeys("searxng");
        assertThat(response.engines().get("searxng").error()).isEqualTo("not configured");
    }
}
