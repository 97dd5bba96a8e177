package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.LoopbackEngines;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** {@code limit} and {@code page} slice the fused list; domain filters apply before slicing. */
class MetaSearchPagingTest {

    private final LoopbackEngines engines = new LoopbackEngines();

    @AfterEach
    void stop() {
        engines.close();
    }

    private List<String> urls(SearchOptions options) {
        return engines.metaSearch().search(new SearchRequest("rust programming language", options)).results().stream()
                .map(SearchResult::url)
                .toList();
    }

    @Test
    void limit_capsTheNumberOfResults_toTheBestRanked() {
        List<String> all = urls(SearchOptions.defaults().withLimit(50));

        assertThat(urls(SearchOptions.defaults().withLimit(3))).isEqualTo(all.subList(0, 3));
    }

    @Test
    void page_continuesWhereThePreviousPageEnded() {
        List<String> all = all();

        assertThat(urls(SearchOptions.defaults().withLimit(4).withPage(1))).isEqualTo(all.subList(0, 4));
        assertThat(urls(SearchOptions.defaults().withLimit(4).withPage(2))).isEqualTo(all.subList(4, 8));
        assertThat(urls(SearchOptions.defaults().withLimit(4).withPage(3))).isEqualTo(all.subList(8, 9));
        assertThat(urls(SearchOptions.defaults().withLimit(4).withPage(4))).isEmpty();
    }

    @Test
    void enginesAreAskedForEnoughResultsToFillTheRequestedPage() {
        urls(SearchOptions.defaults().withLimit(15).withPage(2));

        assertThat(engines.brave.lastRequest().param("count")).isEqualTo("20"); // Brave's maximum
        assertThat(engines.wikipedia.lastRequest().param("srlimit")).isEqualTo("30");
    }

    @Test
    void includeDomains_keepsOnlyThoseDomainsAndTheirSubdomains() {
        List<String> urls = urls(SearchOptions.defaults().withIncludeDomains(List.of("www.rust-lang.org")));

        assertThat(urls)
                .containsExactly(
                        "https://www.rust-lang.org/", "https://doc.rust-lang.org/book/", "https://blog.rust-lang.org/");
    }

    @Test
    void excludeDomains_dropsThoseDomainsAndTheirSubdomains() {
        List<String> urls = urls(SearchOptions.defaults().withExcludeDomains(List.of("wikipedia.org", "github.com")));

        assertThat(urls).hasSize(5).noneMatch(u -> u.contains("wikipedia.org") || u.contains("github.com"));
    }

    private List<String> all() {
        return urls(SearchOptions.defaults().withLimit(50));
    }
}
