package dev.mana.auth.keys;

import dev.mana.platform.keys.ApiKey;
import java.time.Instant;
import java.util.Locale;

/** An API key as the API shows it: never the secret, only its display prefix. */
public record KeyView(
        String id,
        String name,
        String prefix,
        String status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt) {

    static KeyView of(ApiKey key) {
        return new KeyView(
                key.keyId(),
                key.name(),
                key.prefix(),
                key.status().name().toLowerCase(Locale.ROOT),
                key.createdAt(),
                key.expiresAt(),
                key.lastUsedAt());
    }
}
