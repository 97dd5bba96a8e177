package dev.mana.extract.service;

import dev.mana.extract.content.ExtractOptions;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * The cache key of an extraction: the normalised URL and the options that change the answer
 * (formats, onlyMainContent, the selectors, favor), hashed. Timeout and maxAgeSeconds do not change the
 * answer and are not part of it. The version prefix lets a change of the answer's shape start a
 * fresh cache.
 */
public final class CacheKey {

    // v2: boilerplate removal changed the answers, and favor joined the options.
    static final String PREFIX = "extract:v2:";

    private CacheKey() {}

    public static String of(RequestedUrl url, ExtractOptions options) {
        String material = String.join(
                "\n",
                url.normalized(),
                options.formats().toString(),
                Boolean.toString(options.onlyMainContent()),
                String.join("\u0000", options.includeSelectors()),
                String.join("\u0000", options.excludeSelectors()),
                options.favor().name());
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return PREFIX + HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }
}
