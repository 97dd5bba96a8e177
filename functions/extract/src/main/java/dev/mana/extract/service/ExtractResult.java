package dev.mana.extract.service;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mana.extract.content.ExtractedContent;
import dev.mana.platform.fetch.FetchedPage;
import java.time.Instant;
import java.util.List;

/**
 * The answer for one URL. Metadata the page does not have is null (present in the JSON); formats
 * not asked for are absent.
 *
 * @param url the URL as the caller sent it
 * @param finalUrl the URL after redirects, the base of relative links
 * @param statusCode the upstream's final HTTP status
 * @param fetchedAt when the page was fetched (earlier than now for a cache hit)
 * @param cached whether the answer came from the cache
 */
public record ExtractResult(
        String url,
        String finalUrl,
        int statusCode,
        @JsonInclude(JsonInclude.Include.ALWAYS) String title,
        @JsonInclude(JsonInclude.Include.ALWAYS) String byline,
        @JsonInclude(JsonInclude.Include.ALWAYS) String siteName,
        @JsonInclude(JsonInclude.Include.ALWAYS) String lang,
        @JsonInclude(JsonInclude.Include.ALWAYS) String publishedAt,
        @JsonInclude(JsonInclude.Include.ALWAYS) String excerpt,
        String markdown,
        String text,
        String html,
        List<String> links,
        List<String> images,
        int wordCount,
        Instant fetchedAt,
        boolean cached) {

    static ExtractResult of(String url, FetchedPage page, ExtractedContent content, Instant fetchedAt) {
        return new ExtractResult(
                url,
                page.finalUrl().toString(),
                page.statusCode(),
                content.title(),
                content.byline(),
                content.siteName(),
                content.lang(),
                content.publishedAt(),
                content.excerpt(),
                content.markdown(),
                content.text(),
                content.html(),
                content.links(),
                content.images(),
                content.wordCount(),
                fetchedAt,
                false);
    }

    /** This answer served from the cache to a caller who spelled the URL {@code requestedUrl}. */
    public ExtractResult fromCache(String requestedUrl) {
        return copy(requestedUrl, true);
    }

    /** The same answer for another spelling of the URL (a bulk request naming a page twice). */
    public ExtractResult withUrl(String requestedUrl) {
        return copy(requestedUrl, cached);
    }

    private ExtractResult copy(String requestedUrl, boolean fromCache) {
        return new ExtractResult(
                requestedUrl,
                finalUrl,
                statusCode,
                title,
                byline,
                siteName,
                lang,
                publishedAt,
                excerpt,
                markdown,
                text,
                html,
                links,
                images,
                wordCount,
                fetchedAt,
                fromCache);
    }
}
