package dev.mana.search.internal;

import dev.mana.search.Category;
import dev.mana.search.TimeRange;
import java.util.List;
import java.util.Set;

/**
 * A search request after validation, with defaults filled in and lists canonicalised (sorted,
 * lower case, without duplicates) so that equal searches have equal cache keys.
 * {@code engines} empty means "any engine"; {@code language} and {@code timeRange} may be null.
 */
public record ValidSearch(
        String query,
        Set<Category> categories,
        boolean categoriesGiven,
        Set<String> engines,
        int limit,
        String language,
        TimeRange timeRange,
        int safesearch,
        int page,
        List<String> includeDomains,
        List<String> excludeDomains) {

    /** Engines must return enough from the top to fill this page after fusion and filtering. */
    public int perEngineCount() {
        return Math.min(100, Math.max(10, page * limit));
    }
}
