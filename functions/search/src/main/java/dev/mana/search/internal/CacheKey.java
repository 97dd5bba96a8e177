package dev.mana.search.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * The cache key of a search: a hash of the query (case and spacing folded, as engines ignore
 * them) and every option that changes the answer. Hashing bounds the key's length and keeps
 * queries out of the cache table's keys. The version prefix lets a format change start afresh.
 */
public final class CacheKey {

    private static final String PREFIX = "search:v1:";

    private CacheKey() {}

    public static String of(ValidSearch s) {
        String canonical = List.of(
                        s.query().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT),
                        s.categories().stream().map(Enum::name).collect(Collectors.joining(",")),
                        String.valueOf(s.categoriesGiven()),
                        String.join(",", s.engines()),
                        String.valueOf(s.limit()),
                        s.language() == null ? "" : s.language().toLowerCase(Locale.ROOT),
                        s.timeRange() == null ? "" : s.timeRange().name(),
                        String.valueOf(s.safesearch()),
                        String.valueOf(s.page()),
                        String.join(",", s.includeDomains()),
                        String.join(",", s.excludeDomains()))
                .stream()
                .collect(Collectors.joining("\u001f"));
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(hash);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }
}
