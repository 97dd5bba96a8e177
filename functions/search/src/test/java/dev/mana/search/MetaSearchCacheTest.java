package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.InMemorySearchCache;
import dev.mana.search.testing.LoopbackEngines;
import dev.mana.search.testing.LoopbackServer;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Identical searches are answered from the {@link SearchCache}; incomplete answers are not kept. */
class MetaSearchCacheTest {

    private final LoopbackEngines engines = new LoopbackEngines();
    private final InMemorySearchCache cache = new InMemorySearchCache();

    @AfterEach
    void stop() {
        engines.close();
    }

    @Test
    void secondIdenticalSearch_isACacheHit_withoutAskingTheEnginesAgain() {
        MetaSearch search = engines.metaSearch(cache);
        SearchResponse first = search.search(SearchRequest.of("rust programming language"));
        int searxngRequests = engines.searxng.requests().size();

        SearchResponse second = search.search(SearchRequest.of("rust programming language"));

        assertThat(first.cached()).isFalse();
        assertThat(second.cached()).isTrue();
        assertThat(second.results()).isEqualTo(first.results());
        assertThat(second.engines()).isEqualTo(first.engines());
        assertThat(engines.searxng.requests()).hasSize(searxngRequests);
        assertThat(cache.hits()).isEqualTo(1);
    }

    @Test
    void searchesDifferingOnlyInCaseAndSpacing_shareOneCacheEntry_butEchoTheirOwnQuery() {
        MetaSearch search = engines.metaSearch(cache);
        search.search(SearchRequest.of("Rust programming language"));

        SearchResponse second = search.search(SearchRequest.of("  rust   PROGRAMMING language "));

        assertThat(second.cached()).isTrue();
        assertThat(second.query()).isEqualTo("rust   PROGRAMMING language");
        assertThat(cache.size()).isEqualTo(1);
    }

    @Test
    void searchesWithDifferentOptions_doNotShareCacheEntries() {
        MetaSearch search = engines.metaSearch(cache);
        search.search(SearchRequest.of("rust"));

        SearchResponse other =
                search.search(new SearchRequest("rust", SearchOptions.defaults().withLimit(3)));

        assertThat(other.cached()).isFalse();
        assertThat(cache.size()).isEqualTo(2);
    }

    @Test
    void answerMissingAFailedEngine_isNotCached_soTheNextSearchTriesAgain() {
        engines.env().put("MANA_SEARCH_SEARXNG_URL", LoopbackServer.deadUrl());
        MetaSearch search = engines.metaSearch(cache);

        search.search(SearchRequest.of("rust"));
        SearchResponse second = search.search(SearchRequest.of("rust"));

        assertThat(second.cached()).isFalse();
        assertThat(cache.size()).isZero();
    }

    @Test
    void aFailingCache_isTreatedAsAMiss_andTheSearchStillAnswers() {
        SearchCache broken = new SearchCache() {
            @Override
            public Optional<SearchResponse> get(String key) {
                throw new IllegalStateException("table unavailable");
            }

            @Override
            public void put(String key, SearchResponse response) {
                throw new IllegalStateException("table unavailable");
            }
        };

        SearchResponse response = engines.metaSearch(broken).search(SearchRequest.of("rust"));

        assertThat(response.results()).isNotEmpty();
        assertThat(response.cached()).isFalse();
    }

    @Test
    void cachedAnswer_survivesTheJsonRoundTrip_includingOptionalFields() {
        SearchResponse original = new SearchResponse(
                "q",
                List.of(new SearchResult("t", "https://a.example/", "s", List.of("brave"), 0.016393, null, "th")),
                java.util.Map.of("brave", EngineReport.ok(12, 1), "searxng", EngineReport.skipped("not configured")),
                false,
                40);

        String json = SearchResponseCodec.toJson(original);

        assertThat(json).doesNotContain("publishedAt").contains("\"status\":\"skipped\"");
        assertThat(SearchResponseCodec.fromJson(json)).isEqualTo(original);
    }
}
