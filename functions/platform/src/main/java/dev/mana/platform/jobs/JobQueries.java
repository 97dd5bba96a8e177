package dev.mana.platform.jobs;

import static dev.mana.platform.jobs.JobRecords.n;
import static dev.mana.platform.jobs.JobRecords.s;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads of jobs: by id, and an account's list through gsi1, newest first, expired jobs left out. */
final class JobQueries {
    private static final Pattern LIST_KEY =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z#(" + JobIds.ID.pattern() + ")");

    private final DynamoDbClient dynamo;
    private final String table;
    private final JobSettings settings;

    JobQueries(DynamoDbClient dynamo, String table, JobSettings settings) {
        this.dynamo = dynamo;
        this.table = table;
        this.settings = settings;
    }

    Optional<Job> get(String jobId) {
        var item = dynamo.getItem(
                        g -> g.tableName(table).key(JobRecords.jobKey(jobId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return Optional.empty();
        var job = JobRecords.job(item);
        // TTL deletion lags by up to two days: an expired job is gone.
        return job.expiresAt().isBefore(settings.clock().instant()) ? Optional.empty() : Optional.of(job);
    }

    JobPage list(String accountId, JobStatus status, String kind, String cursor, int limit) {
        var names = new HashMap<String, String>();
        var values = new HashMap<String, AttributeValue>();
        values.put(":pk", s(JobRecords.accountPartition(accountId)));
        values.put(":now", n(settings.clock().instant().getEpochSecond()));
        names.put("#ttl", "ttl");
        var filter = new StringBuilder("#ttl > :now");
        if (status != null) {
            names.put("#s", "status");
            values.put(":status", s(status.name()));
            filter.append(" AND #s = :status");
        }
        if (kind != null) {
            names.put("#k", "kind");
            values.put(":kind", s(kind));
            filter.append(" AND #k = :kind");
        }
        Map<String, AttributeValue> start = cursor == null ? null : startKey(accountId, decode(cursor));
        var jobs = new ArrayList<Job>();
        var sortKeys = new ArrayList<String>();
        // A filter applies after DynamoDB's page is read, so one page may hold few matches: read on.
        do {
            var from = start;
            var response = dynamo.query(q -> {
                q.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :pk")
                        .filterExpression(filter.toString())
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .scanIndexForward(false)
                        .limit(Math.max(limit + 1, 25));
                if (from != null) q.exclusiveStartKey(from);
            });
            for (var item : response.items()) {
                jobs.add(JobRecords.job(item));
                sortKeys.add(item.get("gsi1sk").s());
                if (jobs.size() > limit) {
                    return new JobPage(jobs.subList(0, limit), encode(sortKeys.get(limit - 1)));
                }
            }
            start = response.hasLastEvaluatedKey()
                            && !response.lastEvaluatedKey().isEmpty()
                    ? response.lastEvaluatedKey()
                    : null;
        } while (start != null);
        return new JobPage(jobs, null);
    }

    private static Map<String, AttributeValue> startKey(String accountId, String sortKey) {
        var matcher = LIST_KEY.matcher(sortKey);
        if (!matcher.matches()) throw invalidCursor();
        var key = JobRecords.jobKey(matcher.group(1));
        key.put("gsi1pk", s(JobRecords.accountPartition(accountId)));
        key.put("gsi1sk", s(sortKey));
        return key;
    }

    private static String encode(String sortKey) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(sortKey.getBytes(StandardCharsets.UTF_8));
    }

    private static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw invalidCursor();
        }
    }

    private static ApiException invalidCursor() {
        return new ApiException(
                        ErrorCode.INVALID_PARAMETER,
                        "The cursor is not valid; pass back the nextCursor of a previous page, unchanged.")
                .with("parameter", "cursor");
    }
}
