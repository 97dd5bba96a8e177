package dev.mana.extract.content;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * How to extract.
 *
 * @param formats what to return; markdown by default (text is always computed for wordCount)
 * @param onlyMainContent true (default): the article only; false: the whole page body
 * @param includeSelectors CSS selectors; when given, exactly the matching elements are the content
 * @param excludeSelectors CSS selectors removed from the page before anything else
 * @param favor how hard boilerplate is removed from the main content; balanced by default
 */
public record ExtractOptions(
        Set<Format> formats,
        boolean onlyMainContent,
        List<String> includeSelectors,
        List<String> excludeSelectors,
        Favor favor) {

    public ExtractOptions {
        formats = formats == null || formats.isEmpty() ? EnumSet.of(Format.MARKDOWN) : EnumSet.copyOf(formats);
        includeSelectors = includeSelectors == null ? List.of() : List.copyOf(includeSelectors);
        excludeSelectors = excludeSelectors == null ? List.of() : List.copyOf(excludeSelectors);
        favor = favor == null ? Favor.BALANCED : favor;
    }

    public ExtractOptions(
            Set<Format> formats,
            boolean onlyMainContent,
            List<String> includeSelectors,
            List<String> excludeSelectors) {
        this(formats, onlyMainContent, includeSelectors, excludeSelectors, Favor.BALANCED);
    }

    public static ExtractOptions defaults() {
        return new ExtractOptions(EnumSet.of(Format.MARKDOWN), true, List.of(), List.of(), Favor.BALANCED);
    }

    public ExtractOptions withFormats(Format... wanted) {
        return new ExtractOptions(Set.of(wanted), onlyMainContent, includeSelectors, excludeSelectors, favor);
    }

    public ExtractOptions withOnlyMainContent(boolean only) {
        return new ExtractOptions(formats, only, includeSelectors, excludeSelectors, favor);
    }

    public ExtractOptions withSelectors(List<String> include, List<String> exclude) {
        return new ExtractOptions(formats, onlyMainContent, include, exclude, favor);
    }

    public ExtractOptions withFavor(Favor lean) {
        return new ExtractOptions(formats, onlyMainContent, includeSelectors, excludeSelectors, lean);
    }

    public boolean wants(Format format) {
        return formats.contains(format);
    }
}
