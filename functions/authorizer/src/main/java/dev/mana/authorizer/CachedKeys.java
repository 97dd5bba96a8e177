package dev.mana.authorizer;

import dev.mana.platform.Log;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Key lookups cached in the container for {@code ttl}: the authorizer's result cache. API
 * Gateway's own cache cannot be used, because it needs every identity source present and a
 * caller sends either {@code x-api-key} or {@code Authorization}. A revoked key therefore
 * stops working within {@code ttl} (30 s by default). Each refresh also records the key's use.
 */
final class CachedKeys {
    private record Entry(Optional<ApiKey> key, Instant fetchedAt) {}

    private final ApiKeyStore store;
    private final Duration ttl;
    private final Clock clock;
    private final ConcurrentHashMap<String, Entry> entries = new ConcurrentHashMap<>();

    CachedKeys(ApiKeyStore store, Duration ttl, Clock clock) {
        this.store = store;
        this.ttl = ttl;
        this.clock = clock;
    }

    Optional<ApiKey> find(String secretHash) {
        Instant now = clock.instant();
        Entry entry = entries.get(secretHash);
        if (entry == null || entry.fetchedAt().plus(ttl).isBefore(now)) {
            entry = new Entry(store.findByHash(secretHash), now);
            entries.put(secretHash, entry);
            if (entry.key().isPresent()) touch(secretHash, now);
            if (entries.size() > 10_000) entries.clear(); // bounded: a scan of junk keys can't grow it forever
        }
        return entry.key();
    }

    private void touch(String secretHash, Instant now) {
        try {
            store.touch(secretHash, now);
        } catch (RuntimeException e) {
            // Last-used is informational; never fail an authorization over it.
            Log.warn("could not record key use", "error", e.getClass().getSimpleName());
        }
    }
}
