package dev.mana.search.internal;

import dev.mana.search.Category;
import dev.mana.search.SearchOptions;
import dev.mana.search.SearchRequest;
import dev.mana.search.SearchValidationException;
import dev.mana.search.TimeRange;
import dev.mana.search.engine.SearxngEngineNames;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Checks a {@link SearchRequest} field by field; the first bad field is reported by its JSON path. */
public final class SearchValidator {

    public static final int MAX_QUERY_LENGTH = 500;
    public static final int MAX_LIMIT = 50;
    public static final int DEFAULT_LIMIT = 10;
    /** Engines answer from the top; deeper pages would need more than their first pages hold. */
    public static final int MAX_PAGE = 10;

    public static final int MAX_DOMAINS = 20;
    private static final Pattern LANGUAGE = Pattern.compile("[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,2}");
    private static final Pattern DOMAIN = Pattern.compile(
            "(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)+");

    private final Set<String> knownEngines;
    private final Set<String> searxngEngines;

    public SearchValidator(Set<String> knownEngines) {
        this(knownEngines, Set.of());
    }

    /** @param searxngEngines names passed to SearXNG (empty when it is not configured) */
    public SearchValidator(Set<String> knownEngines, Set<String> searxngEngines) {
        this.knownEngines = new TreeSet<>(knownEngines);
        this.searxngEngines = Set.copyOf(searxngEngines);
    }

    public ValidSearch validate(SearchRequest request) {
        if (request == null) {
            throw new SearchValidationException("query", "query is required");
        }
        SearchOptions o = request.options() == null ? SearchOptions.defaults() : request.options();
        List<String> categoryNames = o.categories() == null ? List.of() : o.categories();
        return new ValidSearch(
                query(request.query()),
                categories(categoryNames),
                !categoryNames.isEmpty(),
                engines(o.engines()),
                range("options.limit", o.limit(), 1, MAX_LIMIT, DEFAULT_LIMIT),
                language(o.language()),
                timeRange(o.timeRange()),
                range("options.safesearch", o.safesearch(), 0, 2, 1),
                range("options.page", o.page(), 1, MAX_PAGE, 1),
                domains("options.includeDomains", o.includeDomains()),
                domains("options.excludeDomains", o.excludeDomains()));
    }

    private static String query(String raw) {
        if (raw == null) {
            throw new SearchValidationException("query", "query is required");
        }
        String query = raw.strip();
        if (query.isEmpty()) {
            throw new SearchValidationException("query", "query must not be empty");
        }
        int length = query.codePointCount(0, query.length());
        if (length > MAX_QUERY_LENGTH) {
            throw new SearchValidationException(
                    "query", "query must be at most " + MAX_QUERY_LENGTH + " characters, got " + length);
        }
        return query;
    }

    private static Set<Category> categories(List<String> names) {
        if (names.isEmpty()) {
            return EnumSet.of(Category.GENERAL);
        }
        Set<Category> categories = EnumSet.noneOf(Category.class);
        for (String name : names) {
            String wire = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            categories.add(Category.fromWire(wire)
                    .orElseThrow(() -> new SearchValidationException(
                            "options.categories",
                            "unknown category '" + name + "'; known: "
                                    + EnumSet.allOf(Category.class).stream()
                                            .map(Category::wireName)
                                            .collect(Collectors.joining(", ")))));
        }
        return categories;
    }

    private Set<String> engines(List<String> names) {
        Set<String> engines = new TreeSet<>();
        if (names == null) {
            return engines;
        }
        for (String name : names) {
            String wire = name == null ? "" : name.strip().toLowerCase(Locale.ROOT);
            if (!knownEngines.contains(wire) && !searxngEngines.contains(wire)) {
                String hint = SearxngEngineNames.NAMES.contains(wire) && searxngEngines.isEmpty()
                        ? "; it is a SearXNG engine, and this deployment has no SearXNG (MANA_SEARCH_SEARXNG_URL)"
                        : searxngEngines.isEmpty() ? "" : ", or a SearXNG engine (GET /v1/search/engines lists them)";
                throw new SearchValidationException(
                        "options.engines",
                        "unknown engine '" + name + "'; known: " + String.join(", ", knownEngines) + hint);
            }
            engines.add(wire);
        }
        return engines;
    }

    private static int range(String field, Integer value, int min, int max, int fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new SearchValidationException(
                    field, field + " must be between " + min + " and " + max + ", got " + value);
        }
        return value;
    }

    private static String language(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String language = raw.strip();
        if (!LANGUAGE.matcher(language).matches()) {
            throw new SearchValidationException(
                    "options.language", "options.language must be a language tag such as 'en' or 'de-CH'");
        }
        return language;
    }

    private static TimeRange timeRange(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        return TimeRange.fromWire(raw.strip().toLowerCase(Locale.ROOT))
                .orElseThrow(() -> new SearchValidationException(
                        "options.timeRange", "options.timeRange must be one of day, week, month, year"));
    }

    private static List<String> domains(String field, List<String> raw) {
        if (raw == null || raw.isEmpty()) {
            return List.of();
        }
        if (raw.size() > MAX_DOMAINS) {
            throw new SearchValidationException(field, field + " may hold at most " + MAX_DOMAINS + " domains");
        }
        Set<String> domains = new TreeSet<>();
        for (String entry : raw) {
            String domain = entry == null ? "" : entry.strip().toLowerCase(Locale.ROOT);
            if (domain.startsWith("www.")) {
                domain = domain.substring(4);
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new SearchValidationException(
                        field, field + " must hold domains such as 'example.com', got '" + entry + "'");
            }
            domains.add(domain);
        }
        return new ArrayList<>(domains);
    }
}
