package dev.mana.extract.cache;

import dev.mana.extract.service.ExtractResult;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Exception;

/**
 * Extraction answers in the cache table ({@code CACHE_TABLE}) and, when too large for an item, in
 * the data bucket ({@code DATA_BUCKET}); the only class that knows either shape:
 *
 * <pre>
 * pk                    sk          fetchedAt (N)   ttl (N)           body (S) | bodyKey (S)
 * extract:v2:{sha256}   extraction  epoch millis    epoch seconds     answer JSON | cache/extract/v2/{sha256}.json
 * </pre>
 *
 * Items live {@code retention} (MANA_EXTRACT_CACHE_TTL_SECONDS, default 7 days); DynamoDB deletes
 * expired items up to two days late, so a read ignores an item whose {@code ttl} has passed, and
 * one fetched longer ago than the caller's {@code maxAgeSeconds}. An answer that would push the
 * item past DynamoDB's 400 KB limit goes to S3 first, then the item that points at it is written.
 */
public final class ExtractionCache {

    public static final String TTL_VARIABLE = "MANA_EXTRACT_CACHE_TTL_SECONDS";
    public static final Duration DEFAULT_RETENTION = Duration.ofDays(7);
    public static final String OBJECT_PREFIX = "cache/extract/";
    /** DynamoDB's item size limit, names and values together. */
    static final int MAX_ITEM_BYTES = 400 * 1024;
    /** Attribute names, the sort key and the numbers, rounded up. */
    private static final int ITEM_OVERHEAD_BYTES = 128;

    private static final String PK = "pk";
    private static final String SK = "sk";
    private static final String SORT_KEY = "extraction";
    private static final String BODY = "body";
    private static final String BODY_KEY = "bodyKey";
    private static final String FETCHED_AT = "fetchedAt";
    private static final String TTL = "ttl";

    private final DynamoDbClient dynamo;
    private final String table;
    private final S3Client s3;
    private final String bucket;
    private final Duration retention;
    private final InstantSource clock;

    public ExtractionCache(
            DynamoDbClient dynamo, String table, S3Client s3, String bucket, Duration retention, InstantSource clock) {
        if (retention.isNegative() || retention.isZero()) {
            throw new IllegalArgumentException("cache retention must be positive, got " + retention);
        }
        this.dynamo = dynamo;
        this.table = table;
        this.s3 = s3;
        this.bucket = bucket;
        this.retention = retention;
        this.clock = clock;
    }

    /** The answer cached under {@code key}, if it was fetched at most {@code maxAgeSeconds} ago. */
    public Optional<ExtractResult> get(String key, long maxAgeSeconds) {
        if (maxAgeSeconds <= 0) {
            return Optional.empty();
        }
        try {
            return read(key, maxAgeSeconds);
        } catch (RuntimeException e) {
            // An unreadable cache costs a fetch, never the answer.
            Log.error("extraction cache unreadable", e, "cacheKey", key);
            return Optional.empty();
        }
    }

    private Optional<ExtractResult> read(String key, long maxAgeSeconds) {
        var found = dynamo.getItem(b -> b.tableName(table).key(key(key)).consistentRead(false));
        if (!found.hasItem() || found.item().isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> item = found.item();
        Instant now = clock.instant();
        Long ttl = number(item.get(TTL));
        Long fetchedAt = number(item.get(FETCHED_AT));
        if (ttl == null || fetchedAt == null || ttl <= now.getEpochSecond()) {
            return Optional.empty();
        }
        if (now.toEpochMilli() - fetchedAt > maxAgeSeconds * 1000) {
            return Optional.empty();
        }
        return body(item).map(ExtractionCache::decode);
    }

    /** Caches a successful answer; a failure to cache is logged, never the caller's problem. */
    public void put(String key, ExtractResult result) {
        try {
            write(key, result);
        } catch (RuntimeException e) {
            Log.error("extraction not cached", e, "cacheKey", key);
        }
    }

    private void write(String key, ExtractResult result) {
        String json = Json.write(result);
        Instant now = clock.instant();
        Map<String, AttributeValue> item = new HashMap<>(key(key));
        item.put(
                FETCHED_AT,
                AttributeValue.fromN(Long.toString(result.fetchedAt().toEpochMilli())));
        item.put(TTL, AttributeValue.fromN(Long.toString(now.plus(retention).getEpochSecond())));
        int size = key.length() + json.getBytes(StandardCharsets.UTF_8).length + ITEM_OVERHEAD_BYTES;
        if (size > MAX_ITEM_BYTES) {
            String objectKey = objectKey(key);
            s3.putObject(
                    b -> b.bucket(bucket).key(objectKey).contentType("application/json"),
                    RequestBody.fromString(json, StandardCharsets.UTF_8));
            item.put(BODY_KEY, AttributeValue.fromS(objectKey));
        } else {
            item.put(BODY, AttributeValue.fromS(json));
        }
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    private Optional<String> body(Map<String, AttributeValue> item) {
        AttributeValue inline = item.get(BODY);
        if (inline != null && inline.s() != null) {
            return Optional.of(inline.s());
        }
        AttributeValue objectKey = item.get(BODY_KEY);
        if (objectKey == null || objectKey.s() == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(s3.getObjectAsBytes(b -> b.bucket(bucket).key(objectKey.s()))
                    .asString(StandardCharsets.UTF_8));
        } catch (NoSuchKeyException e) {
            // The object expired (lifecycle) before the item: a miss.
            return Optional.empty();
        } catch (S3Exception e) {
            // Without s3:ListBucket, S3 answers a missing object with 403 rather than 404.
            if (e.statusCode() == 403 || e.statusCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Where a body too large for an item is kept: the key's hash under the cache prefix. */
    static String objectKey(String key) {
        String[] parts = key.split(":");
        return OBJECT_PREFIX + parts[parts.length - 2] + "/" + parts[parts.length - 1] + ".json";
    }

    private static ExtractResult decode(String json) {
        try {
            return Json.mapper().readValue(json, ExtractResult.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cached extraction unreadable", e);
        }
    }

    private static Long number(AttributeValue value) {
        return value == null || value.n() == null ? null : Long.parseLong(value.n());
    }

    private static Map<String, AttributeValue> key(String key) {
        return Map.of(PK, AttributeValue.fromS(key), SK, AttributeValue.fromS(SORT_KEY));
    }
}
