package dev.mana.extract.service;

import dev.mana.extract.content.ExtractOptions;
import java.time.Duration;

/**
 * One extraction's settings, validated: what to extract, how long the fetch may take and how old
 * a cached answer may be.
 *
 * @param maxAgeSeconds a cached answer fetched longer ago than this is not used; 0 always fetches
 */
public record ExtractSettings(ExtractOptions options, Duration timeout, long maxAgeSeconds) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofMillis(15_000);
    public static final long DEFAULT_MAX_AGE_SECONDS = 86_400;

    public static ExtractSettings defaults() {
        return new ExtractSettings(ExtractOptions.defaults(), DEFAULT_TIMEOUT, DEFAULT_MAX_AGE_SECONDS);
    }

    public ExtractSettings withTimeout(Duration newTimeout) {
        return new ExtractSettings(options, newTimeout, maxAgeSeconds);
    }
}
