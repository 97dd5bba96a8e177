package dev.mana.search.engine;

import dev.mana.search.Category;
import dev.mana.search.TimeRange;
import java.util.Set;

/**
 * What an engine is asked. {@code language} (a BCP 47 tag such as {@code de} or {@code de-CH})
 * and {@code timeRange} may be null; {@code safesearch} is 0 (off), 1 (moderate) or 2 (strict);
 * {@code count} is how many hits the fusion wants from each engine, from the top;
 * {@code searxngEngines} the SearXNG engines a client named (empty: SearXNG picks by category).
 */
public record EngineQuery(
        String query,
        Set<Category> categories,
        String language,
        TimeRange timeRange,
        int safesearch,
        int count,
        Set<String> searxngEngines) {

    public EngineQuery {
        categories = Set.copyOf(categories);
        searxngEngines = Set.copyOf(searxngEngines);
    }

    /** A query without engine names for SearXNG to use (it then picks by category). */
    public EngineQuery(
            String query, Set<Category> categories, String language, TimeRange timeRange, int safesearch, int count) {
        this(query, categories, language, timeRange, safesearch, count, Set.of());
    }

    /** The primary language subtag, lower case ({@code de-CH} gives {@code de}), or the fallback. */
    public String primaryLanguage(String fallback) {
        if (language == null || language.isBlank()) {
            return fallback;
        }
        int dash = language.indexOf('-');
        return (dash < 0 ? language : language.substring(0, dash)).toLowerCase(java.util.Locale.ROOT);
    }
}
