package dev.mana.search;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The answer of {@code POST /v1/search}. {@code engines} keeps the registry's order so the
 * JSON is stable; {@code cached} is true when it came from the {@link SearchCache}.
 */
public record SearchResponse(
        String query, List<SearchResult> results, Map<String, EngineReport> engines, boolean cached, long tookMs) {

    public SearchResponse {
        results = List.copyOf(results);
        engines = Collections.unmodifiableMap(new LinkedHashMap<>(engines));
    }

    /** The same answer served again from the cache, for {@code query} as this client typed it. */
    public SearchResponse asCacheHit(String query, long tookMs) {
        return new SearchResponse(query, results, engines, true, tookMs);
    }
}
