package dev.mana.extract.api;

import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.Format;
import dev.mana.extract.service.ExtractSettings;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Duration;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.jsoup.select.QueryParser;
import org.jsoup.select.Selector;

/**
 * The {@code options} of both extract routes, exactly as the client sent them. Types are checked
 * by the platform's strict JSON reading (400); {@link #settings} checks values (422 naming the
 * field) and fills in the defaults.
 */
public record OptionsBody(
        List<String> formats,
        Boolean onlyMainContent,
        List<String> includeSelectors,
        List<String> excludeSelectors,
        Integer timeoutMs,
        Integer maxAgeSeconds) {

    static final int MIN_TIMEOUT_MS = 1_000;
    static final int MAX_TIMEOUT_MS = 30_000;
    static final int MAX_AGE_SECONDS = 604_800;
    static final int MAX_SELECTORS = 20;
    static final int MAX_SELECTOR_LENGTH = 500;

    /** The settings of {@code options}, which may be absent. */
    public static ExtractSettings settings(OptionsBody options) {
        if (options == null) {
            return ExtractSettings.defaults();
        }
        ExtractOptions extract = new ExtractOptions(
                options.formatSet(),
                options.onlyMainContent() == null || options.onlyMainContent(),
                selectors(options.includeSelectors(), "options.includeSelectors"),
                selectors(options.excludeSelectors(), "options.excludeSelectors"));
        int timeout =
                options.timeoutMs() == null ? (int) ExtractSettings.DEFAULT_TIMEOUT.toMillis() : options.timeoutMs();
        if (timeout < MIN_TIMEOUT_MS || timeout > MAX_TIMEOUT_MS) {
            throw invalid(
                    "options.timeoutMs",
                    "options.timeoutMs must be between " + MIN_TIMEOUT_MS + " and " + MAX_TIMEOUT_MS
                            + " milliseconds.");
        }
        long maxAge =
                options.maxAgeSeconds() == null ? ExtractSettings.DEFAULT_MAX_AGE_SECONDS : options.maxAgeSeconds();
        if (maxAge < 0 || maxAge > MAX_AGE_SECONDS) {
            throw invalid(
                    "options.maxAgeSeconds",
                    "options.maxAgeSeconds must be between 0 (always fetch) and " + MAX_AGE_SECONDS + " (7 days).");
        }
        return new ExtractSettings(extract, Duration.ofMillis(timeout), maxAge);
    }

    /** The settings of options sent as a JSON object (a batch job's message); null for none. */
    public static ExtractSettings settings(java.util.Map<String, Object> options) {
        return settings(
                options == null ? null : dev.mana.platform.Json.mapper().convertValue(options, OptionsBody.class));
    }

    private Set<Format> formatSet() {
        if (formats == null) {
            return EnumSet.of(Format.MARKDOWN);
        }
        if (formats.isEmpty()) {
            throw invalid(
                    "options.formats", "options.formats needs at least one of markdown, text, html, links, images.");
        }
        Set<Format> set = EnumSet.noneOf(Format.class);
        for (int i = 0; i < formats.size(); i++) {
            String name = formats.get(i);
            Format format = name == null ? null : parse(name);
            if (format == null) {
                throw invalid(
                        "options.formats[" + i + "]",
                        "Unknown format " + (name == null ? "null" : "'" + name + "'")
                                + "; use markdown, text, html, links or images.");
            }
            set.add(format);
        }
        return set;
    }

    private static Format parse(String name) {
        for (Format format : Format.values()) {
            if (format.name().toLowerCase(Locale.ROOT).equals(name)) {
                return format;
            }
        }
        return null;
    }

    private static List<String> selectors(List<String> selectors, String field) {
        if (selectors == null) {
            return List.of();
        }
        if (selectors.size() > MAX_SELECTORS) {
            throw invalid(field, field + " holds at most " + MAX_SELECTORS + " selectors.");
        }
        for (int i = 0; i < selectors.size(); i++) {
            String selector = selectors.get(i);
            String at = field + "[" + i + "]";
            if (selector == null || selector.isBlank() || selector.length() > MAX_SELECTOR_LENGTH) {
                throw invalid(at, "A selector must be 1 to " + MAX_SELECTOR_LENGTH + " characters of CSS.");
            }
            try {
                QueryParser.parse(selector);
            } catch (Selector.SelectorParseException | IllegalArgumentException e) {
                throw invalid(at, "'" + selector + "' is not a valid CSS selector.");
            }
            var tooCostly = SelectorLimits.violation(selector);
            if (tooCostly.isPresent()) {
                throw invalid(at, "'" + selector + "': " + tooCostly.get()).with("reason", "selector_too_complex");
            }
        }
        return selectors;
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message);
    }
}
