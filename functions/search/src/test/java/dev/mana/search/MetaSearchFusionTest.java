package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.LoopbackEngines;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Results of four loopback engines are fused by reciprocal rank and merged by normalised URL. */
class MetaSearchFusionTest {

    private final LoopbackEngines engines = new LoopbackEngines();

    @AfterEach
    void stop() {
        engines.close();
    }

    private SearchResponse searchRust() {
        return engines.metaSearch()
                .search(new SearchRequest(
                        "rust programming language", SearchOptions.defaults().withLimit(50)));
    }

    @Test
    void search_ranksPagesBySummedReciprocalRank_acrossEngines() {
        SearchResponse response = searchRust();

        // Scores by hand, k = 60: the Wikipedia article is in all four lists (ranks 2, 1, 3, 3),
        // rust-lang.org tops three, the book and the repository are in two each, the rest in one;
        // Stack Overflow and the Rust blog tie and keep the engine order (duckduckgo before brave).
        assertThat(response.results())
                .extracting(SearchResult::url)
                .containsExactly(
                        "https://en.wikipedia.org/wiki/Rust_(programming_language)",
                        "https://www.rust-lang.org/",
                        "https://doc.rust-lang.org/book/",
                        "https://github.com/rust-lang/rust",
                        "https://en.wikipedia.org/wiki/Rust",
                        "https://en.wikipedia.org/wiki/Graydon_Hoare",
                        "https://stackoverflow.com/questions/tagged/rust",
                        "https://blog.rust-lang.org/",
                        "https://www.reddit.com/r/rust/");
        assertThat(response.results().get(0).score())
                .isEqualTo(Math.round((1.0 / 62 + 1.0 / 61 + 1.0 / 63 + 1.0 / 63) * 1e6) / 1e6);
        assertThat(response.results().get(1).score()).isEqualTo(Math.round(3.0 / 61 * 1e6) / 1e6);
    }

    @Test
    void search_mergesUrlVariantsOfOnePage_andListsItsEnginesBestRankFirst() {
        SearchResponse response = searchRust();

        // https://www.rust-lang.org/, ...?utm_source=duckduckgo and https://rust-lang.org are one page.
        SearchResult home = response.results().get(1);
        assertThat(home.engines()).containsExactly("searxng", "duckduckgo", "brave");
        // The repository: brave ranked it 2nd (with ?ref=brave), searxng 4th.
        SearchResult repo = response.results().get(3);
        assertThat(repo.engines()).containsExactly("brave", "searxng");
        assertThat(response.results().get(0).engines()).containsExactly("wikipedia", "searxng", "duckduckgo", "brave");
        assertThat(response.results()).extracting(SearchResult::url).doesNotHaveDuplicates();
    }

    @Test
    void search_keepsTheLongestSensibleTitleAndSnippet_andShowsUrlsWithoutTrackingParameters() {
        SearchResponse response = searchRust();

        SearchResult home = response.results().get(1);
        assertThat(home.title()).isEqualTo("Rust Programming Language - A language empowering everyone");
        assertThat(home.snippet())
                .startsWith("A language empowering everyone to build reliable and efficient software. Performance");
        assertThat(home.thumbnail()).isEqualTo("https://imgs.search.brave.com/thumb/rust-lang.org.png");
        assertThat(home.publishedAt()).isEqualTo("2024-04-30T00:00:00Z");
        assertThat(response.results().get(3).url()).doesNotContain("ref=");
        assertThat(response.results().get(0).snippet()).doesNotContain("<span");
    }

    @Test
    void search_reportsEachEnginesCount_andIsNotCached() {
        SearchResponse response = searchRust();

        assertThat(response.engines().keySet()).containsExactly("searxng", "wikipedia", "duckduckgo", "brave");
        assertThat(response.engines().values()).allMatch(r -> r.status() == EngineStatus.OK);
        assertThat(List.of(
                        response.engines().get("searxng").count(),
                        response.engines().get("wikipedia").count(),
                        response.engines().get("duckduckgo").count(),
                        response.engines().get("brave").count()))
                .containsExactly(5, 3, 4, 4);
        assertThat(response.cached()).isFalse();
        assertThat(response.query()).isEqualTo("rust programming language");
    }
}
