package dev.mana.search.cache;

import dev.mana.platform.Log;
import dev.mana.search.SearchCache;
import dev.mana.search.SearchResponse;
import dev.mana.search.SearchResponseCodec;
import dev.mana.search.engine.Env;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;

/**
 * Search answers in the cache table ({@code CACHE_TABLE}), the only place that knows their item
 * shape:
 *
 * <pre>
 * pk                     sk         body (S)                  ttl (N)
 * search:v1:{sha256}     response   the answer as JSON        expiry, epoch seconds
 * </pre>
 *
 * Entries live {@code MANA_SEARCH_CACHE_TTL_SECONDS} (default 3600). DynamoDB deletes expired
 * items up to two days late, so a read ignores an item whose {@code ttl} has passed. An answer
 * that would make an item over DynamoDB's 400 KB limit is not cached (and logged).
 */
public final class DynamoSearchCache implements SearchCache {

    public static final String TTL_VARIABLE = "MANA_SEARCH_CACHE_TTL_SECONDS";
    public static final Duration DEFAULT_TTL = Duration.ofHours(1);
    /** DynamoDB's item size limit, names and values together. */
    static final int MAX_ITEM_BYTES = 400 * 1024;

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String BODY = "body";
    private static final String TTL = "ttl";
    private static final String SORT_KEY = "response";
    /** Attribute names, the sort key and the ttl number, rounded up. */
    private static final int ITEM_OVERHEAD_BYTES = 64;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Duration ttl;
    private final InstantSource clock;

    public DynamoSearchCache(DynamoDbClient dynamo, String table, Duration ttl, InstantSource clock) {
        if (ttl.isNegative() || ttl.isZero()) {
            throw new IllegalArgumentException("cache ttl must be positive, got " + ttl);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.ttl = ttl;
        this.clock = clock;
    }

    /** The production wiring: {@code MANA_SEARCH_CACHE_TTL_SECONDS} from {@code env}, the system clock. */
    public static DynamoSearchCache create(DynamoDbClient dynamo, String table, Map<String, String> env) {
        Duration ttl = Duration.ofSeconds(new Env(env).positiveInt(TTL_VARIABLE, (int) DEFAULT_TTL.toSeconds()));
        return new DynamoSearchCache(dynamo, table, ttl, InstantSource.system());
    }

    @Override
    public Optional<SearchResponse> get(String key) {
        GetItemResponse found = dynamo.getItem(b -> b.tableName(table).key(key(key)));
        if (!found.hasItem() || found.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = found.item();
        AttributeValue expires = item.get(TTL);
        AttributeValue body = item.get(BODY);
        if (expires == null || expires.n() == null || body == null || body.s() == null) {
            return Optional.empty();
        }
        if (Long.parseLong(expires.n()) <= clock.instant().getEpochSecond()) {
            return Optional.empty();
        }
        return Optional.of(SearchResponseCodec.fromJson(body.s()));
    }

    @Override
    public void put(String key, SearchResponse response) {
        String json = SearchResponseCodec.toJson(response);
        int size = key.length() + json.getBytes(StandardCharsets.UTF_8).length + ITEM_OVERHEAD_BYTES;
        if (size > MAX_ITEM_BYTES) {
            Log.warn("search answer too large to cache", "itemBytes", size, "limitBytes", MAX_ITEM_BYTES);
            return;
        }
        long expires = clock.instant().plus(ttl).getEpochSecond();
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(BODY, AttributeValue.fromS(json));
        item.put(TTL, AttributeValue.fromN(Long.toString(expires)));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(PK, AttributeValue.fromS(key), SK, AttributeValue.fromS(SORT_KEY));
    }
}
