package dev.mana.extract.service;

import dev.mana.extract.cache.ExtractionCache;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.content.ExtractOptions;
import dev.mana.extract.content.ExtractedContent;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.fetch.FetchFailure;
import dev.mana.platform.fetch.FetchedPage;
import dev.mana.platform.fetch.PageFetcher;
import java.time.InstantSource;
import java.util.Optional;

/**
 * One URL to its answer: from the cache when a fresh enough answer is there, otherwise fetched
 * through the guarded fetcher, extracted and cached. A failure is an {@link ApiException} naming
 * {@code field}, and nothing is cached for it. Thread-safe.
 */
public final class PageExtraction {

    private final PageFetcher fetcher;
    private final ContentExtractor extractor;
    private final ExtractionCache cache;
    private final InstantSource clock;
    private final ExtractionWork work;

    public PageExtraction(
            PageFetcher fetcher,
            ContentExtractor extractor,
            ExtractionCache cache,
            InstantSource clock,
            ExtractionWork work) {
        this.fetcher = fetcher;
        this.extractor = extractor;
        this.cache = cache;
        this.clock = clock;
        this.work = work;
    }

    public ExtractResult extract(RequestedUrl url, ExtractSettings settings, String field) {
        String key = CacheKey.of(url, settings.options());
        Optional<ExtractResult> hit = cache.get(key, settings.maxAgeSeconds());
        if (hit.isPresent()) {
            return hit.get().fromCache(url.raw());
        }
        FetchedPage page;
        try {
            page = fetcher.fetch(url.raw(), settings.timeout());
        } catch (FetchFailure failure) {
            throw FetchProblems.of(failure, field);
        }
        ExtractOptions options = settings.options();
        ExtractedContent content = page.isPlainText()
                ? extractor.extractPlainText(page.body(), options)
                : work.run(
                        () -> extractor.extract(page.body(), page.finalUrl(), options),
                        field,
                        !options.includeSelectors().isEmpty()
                                || !options.excludeSelectors().isEmpty());
        if (content.wordCount() == 0) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            field,
                            "The page has no readable text"
                                    + (settings.options().includeSelectors().isEmpty()
                                            ? "."
                                            : "; do options.includeSelectors match anything?"))
                    .with("reason", "empty_page");
        }
        ExtractResult result = ExtractResult.of(url.raw(), page, content, clock.instant());
        cache.put(key, result);
        return result;
    }
}
