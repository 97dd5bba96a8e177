package dev.mana.platform.fetch;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * What the guarded fetcher may do.
 *
 * @param allowCidrs ranges opened despite the SSRF guard (MANA_FETCH_ALLOW_CIDRS); empty in
 *     production, loopback in tests and local use
 * @param timeout the whole fetch, redirects included, must finish within this
 * @param maxBytes body cap, applied to the bytes read and again to the decoded bytes
 * @param maxRedirects redirects followed before giving up
 * @param userAgent sent on every request
 */
public record FetchPolicy(List<Cidr> allowCidrs, Duration timeout, long maxBytes, int maxRedirects, String userAgent) {

    /** A current desktop browser's string: some sites serve bots a stripped or blocked page. */
    public static final String BROWSER_USER_AGENT = "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36"
            + " (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_BYTES = 10L * 1024 * 1024;
    public static final int DEFAULT_MAX_REDIRECTS = 5;

    public FetchPolicy {
        allowCidrs = List.copyOf(allowCidrs);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive");
        }
    }

    /** The production defaults with nothing private opened. */
    public static FetchPolicy defaults() {
        return new FetchPolicy(
                List.of(), DEFAULT_TIMEOUT, DEFAULT_MAX_BYTES, DEFAULT_MAX_REDIRECTS, BROWSER_USER_AGENT);
    }

    /** The defaults with the ranges of a MANA_FETCH_ALLOW_CIDRS value (comma-separated) opened. */
    public static FetchPolicy withAllowCidrs(String commaSeparated) {
        return defaults().withAllow(parseCidrs(commaSeparated));
    }

    public static List<Cidr> parseCidrs(String commaSeparated) {
        if (commaSeparated == null || commaSeparated.isBlank()) {
            return List.of();
        }
        return Arrays.stream(commaSeparated.split(","))
                .filter(s -> !s.isBlank())
                .map(Cidr::parse)
                .toList();
    }

    public FetchPolicy withAllow(List<Cidr> cidrs) {
        return new FetchPolicy(cidrs, timeout, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withTimeout(Duration newTimeout) {
        return new FetchPolicy(allowCidrs, newTimeout, maxBytes, maxRedirects, userAgent);
    }

    public FetchPolicy withMaxBytes(long newMaxBytes) {
        return new FetchPolicy(allowCidrs, timeout, newMaxBytes, maxRedirects, userAgent);
    }
}
