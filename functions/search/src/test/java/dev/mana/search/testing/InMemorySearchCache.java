package dev.mana.search.testing;

import dev.mana.search.SearchCache;
import dev.mana.search.SearchResponse;
import dev.mana.search.SearchResponseCodec;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A {@link SearchCache} in a map, for tests only. It stores JSON through the codec, as a
 * DynamoDB-backed cache would, so a test also proves the answer survives serialisation.
 */
public final class InMemorySearchCache implements SearchCache {

    private final Map<String, String> entries = new ConcurrentHashMap<>();
    private final AtomicInteger hits = new AtomicInteger();

    @Override
    public Optional<SearchResponse> get(String key) {
        String json = entries.get(key);
        if (json == null) {
            return Optional.empty();
        }
        hits.incrementAndGet();
        return Optional.of(SearchResponseCodec.fromJson(json));
    }

    @Override
    public void put(String key, SearchResponse response) {
        entries.put(key, SearchResponseCodec.toJson(response));
    }

    public int size() {
        return entries.size();
    }

    public int hits() {
        return hits.get();
    }
}
