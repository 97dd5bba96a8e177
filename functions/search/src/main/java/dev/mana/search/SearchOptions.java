package dev.mana.search;

import java.util.List;

/**
 * The optional part of a search request. Every field may be null, meaning "use the default":
 * categories [general], all engines, limit 10, no language, any time, safesearch 1, page 1.
 */
public record SearchOptions(
        List<String> categories,

        List<String> engines,

        Integer limit,
        String language,
        String timeRange,
        Integer safesearch,
        Integer page,

        List<String> includeDomains,

        List<String> excludeDomains) {

    public static SearchOptions defaults() {
        return new SearchOptions(null, null, null, null, null, null, null, null, null);
    }

    public SearchOptions withCategories(List<String> value) {
        return new SearchOptions(
                value, engines, limit, language, timeRange, safesearch, page, includeDomains, excludeDomains);
    }

    public SearchOptions withEngines(List<String> value) {
        return new SearchOptions(
                categories, value, limit, language, timeRange, safesearch, page, includeDomains, excludeDomains);
    }

    public SearchOptions withLimit(Integer value) {
        return new SearchOptions(
                categories, engines, value, language, timeRange, safesearch, page, includeDomains, excludeDomains);
    }

    public SearchOptions withPage(Integer value) {
        return new SearchOptions(
                categories, engines, limit, language, timeRange, safesearch, value, includeDomains, excludeDomains);
    }

    public SearchOptions withLanguage(String value) {
        return new SearchOptions(
                categories, engines, limit, value, timeRange, safesearch, page, includeDomains, excludeDomains);
    }

    public SearchOptions withTimeRange(String value) {
        return new SearchOptions(
                categories, engines, limit, language, value, safesearch, page, includeDomains, excludeDomains);
    }

    public SearchOptions withSafesearch(Integer value) {
        return new SearchOptions(
                categories, engines, limit, language, timeRange, value, page, includeDomains, excludeDomains);
    }

    public SearchOptions withIncludeDomains(List<String> value) {
        return new SearchOptions(
                categories, engines, limit, language, timeRange, safesearch, page, value, excludeDomains);
    }

    public SearchOptions withExcludeDomains(List<String> value) {
        return new SearchOptions(
                categories, engines, limit, language, timeRange, safesearch, page, includeDomains, value);
    }
}
