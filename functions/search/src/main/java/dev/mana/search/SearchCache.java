package dev.mana.search;

import java.util.Optional;

/**
 * Where fused answers are kept between identical searches. The key is opaque, at most 80 ASCII
 * characters ({@code search:v1:} plus a SHA-256 hex of the normalised query and options). An
 * implementation owns its time-to-live and must filter expired entries itself; it may store the
 * value as JSON through {@link SearchResponseCodec}. Failures should throw: {@link MetaSearch}
 * treats a throwing cache as a miss, so a cache outage never fails a search.
 */
public interface SearchCache {

    Optional<SearchResponse> get(String key);

    void put(String key, SearchResponse response);

    /** A cache that keeps nothing: every search goes to the engines. */
    static SearchCache none() {
        return new SearchCache() {
            @Override
            public Optional<SearchResponse> get(String key) {
                return Optional.empty();
            }

            @Override
            public void put(String key, SearchResponse response) {}
        };
    }
}
