package dev.mana.platform.jobs;

import static dev.mana.platform.jobs.JobRecords.n;
import static dev.mana.platform.jobs.JobRecords.s;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Per-item results of a batch job ({@code job#{id}} / {@code item#000042}), in index order. A
 * result recorded again (a resumed job) overwrites the first. It does not check the account:
 * read a job's items only after {@link JobStore#get} found the caller's job.
 */
public final class JobItems {
    private static final String PREFIX = "item#";
    private static final int MAX_INDEX = 999_999;

    private final DynamoDbClient dynamo;
    private final String table;

    public JobItems(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /**
     * One item's outcome.
     *
     * @param index the item's place in the job's input, from 0
     * @param ok whether it succeeded; {@code result} is set if so, {@code error} (a problem) if not
     */
    public record ItemResult(int index, boolean ok, Map<String, Object> result, Map<String, Object> error) {
        public static ItemResult success(int index, Map<String, Object> result) {
            return new ItemResult(index, true, result, null);
        }

        public static ItemResult failure(int index, Map<String, Object> problem) {
            return new ItemResult(index, false, null, problem);
        }
    }

    /** @param nextCursor opaque; null on the last page */
    public record ItemPage(List<ItemResult> items, String nextCursor) {
        public ItemPage {
            items = List.copyOf(items);
        }
    }

    /** Records an item's result, kept until the job expires. */
    public void record(Job job, ItemResult result) {
        if (result.index() < 0 || result.index() > MAX_INDEX) throw new IllegalArgumentException("index out of range");
        var item = JobRecords.key("job#" + job.id(), sortKey(result.index()));
        item.put("index", n(result.index()));
        item.put("ok", AttributeValue.fromBool(result.ok()));
        if (result.result() != null) item.put("result", JobRecords.json(result.result()));
        if (result.error() != null) item.put("error", JobRecords.json(result.error()));
        Instant keep = job.expiresAt().plus(java.time.Duration.ofDays(7));
        item.put("ttl", n(keep.getEpochSecond()));
        dynamo.putItem(p -> p.tableName(table).item(item));
    }

    /** Items in index order, {@code limit} (1 to 1000) at a time; cursor null for the first page. */
    public ItemPage page(String jobId, String cursor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The limit must be from 1 to 1000.")
                    .with("parameter", "limit");
        }
        int after = cursor == null ? -1 : parseCursor(cursor);
        var items = new ArrayList<ItemResult>();
        Map<String, AttributeValue> start = after < 0 ? null : JobRecords.key("job#" + jobId, sortKey(after));
        do {
            var from = start;
            var response = dynamo.query(q -> {
                q.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("job#" + jobId), ":prefix", s(PREFIX)))
                        .limit(limit + 1 - items.size());
                if (from != null) q.exclusiveStartKey(from);
            });
            for (var item : response.items()) {
                if (items.size() == limit) {
                    return new ItemPage(
                            items, Integer.toString(items.get(limit - 1).index()));
                }
                items.add(read(item));
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null && items.size() <= limit);
        return new ItemPage(items, null);
    }

    /** The indexes already recorded, so a resumed job skips them. */
    public SortedSet<Integer> recorded(String jobId) {
        var indexes = new TreeSet<Integer>();
        Map<String, AttributeValue> start = null;
        do {
            var from = start;
            var response = dynamo.query(q -> {
                q.tableName(table)
                        .consistentRead(true)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                        .expressionAttributeValues(Map.of(":pk", s("job#" + jobId), ":prefix", s(PREFIX)))
                        .projectionExpression("#i")
                        .expressionAttributeNames(Map.of("#i", "index"));
                if (from != null) q.exclusiveStartKey(from);
            });
            response.items().forEach(i -> indexes.add((int) JobRecords.number(i, "index")));
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? new HashMap<>(response.lastEvaluatedKey())
                    : null;
        } while (start != null);
        return indexes;
    }

    private static ItemResult read(Map<String, AttributeValue> item) {
        return new ItemResult(
                (int) JobRecords.number(item, "index"),
                item.get("ok").bool(),
                JobRecords.map(item, "result"),
                JobRecords.map(item, "error"));
    }

    private static String sortKey(int index) {
        return PREFIX + String.format("%06d", index);
    }

    private static int parseCursor(String cursor) {
        try {
            int index = Integer.parseInt(cursor);
            if (index >= 0 && index <= MAX_INDEX) return index;
        } catch (NumberFormatException ignored) {
            // refused below
        }
        throw new ApiException(
                        ErrorCode.INVALID_PARAMETER,
                        "The cursor is not valid; pass back the nextCursor of a previous page, unchanged.")
                .with("parameter", "cursor");
    }
}
