package dev.mana.platform.webhooks;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Every webhook delivery attempt of a job, in the jobs table beside the job:
 *
 * <pre>
 * pk            sk                          attributes
 * job#{jobId}   delivery#{at}#{attempt:02}  messageId, event, url, attempt, result, statusCode?,
 *                                           error?, latencyMs, at; ttl (the job's expiry)
 * </pre>
 *
 * It does not check the account: list a job's deliveries only after {@code JobStore#get} found
 * the caller's job.
 */
public final class DeliveryLog {
    private static final String PREFIX = "delivery#";
    private static final int MAX_LISTED = 100;
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final DynamoDbClient dynamo;
    private final String table;

    /** @param table the jobs table ({@code JOBS_TABLE}) */
    public DeliveryLog(DynamoDbClient dynamo, String table) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
    }

    /** Keeps one attempt until {@code expiresAt} (the job's expiry). */
    public void record(DeliveryAttempt attempt, Instant expiresAt) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", s("job#" + attempt.jobId()));
        item.put(
                "sk",
                s(PREFIX + SORTABLE.format(attempt.at()) + "#"
                        + String.format(Locale.ROOT, "%02d", attempt.attempt())));
        item.put("jobId", s(attempt.jobId()));
        item.put("messageId", s(attempt.messageId()));
        item.put("event", s(attempt.event().name()));
        item.put("url", s(attempt.url()));
        item.put("attempt", n(attempt.attempt()));
        item.put("result", s(attempt.result().name()));
        if (attempt.statusCode() != null) item.put("statusCode", n(attempt.statusCode()));
        if (attempt.error() != null) item.put("error", s(attempt.error()));
        item.put("latencyMs", n(attempt.latencyMs()));
        item.put("at", s(attempt.at().toString()));
        item.put("ttl", n(expiresAt.getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table).item(item));
    }

    /** The job's attempts, newest first (at most 100). */
    public List<DeliveryAttempt> list(String jobId) {
        var response = dynamo.query(b -> b.tableName(table)
                .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s("job#" + jobId), ":prefix", s(PREFIX)))
                .scanIndexForward(false)
                .limit(MAX_LISTED)
                .consistentRead(true));
        return response.items().stream().map(DeliveryLog::attempt).toList();
    }

    private static DeliveryAttempt attempt(Map<String, AttributeValue> item) {
        return new DeliveryAttempt(
                item.get("jobId").s(),
                item.get("messageId").s(),
                WebhookEvent.valueOf(item.get("event").s()),
                item.get("url").s(),
                Integer.parseInt(item.get("attempt").n()),
                DeliveryAttempt.Result.valueOf(item.get("result").s()),
                item.containsKey("statusCode")
                        ? Integer.valueOf(item.get("statusCode").n())
                        : null,
                item.containsKey("error") ? item.get("error").s() : null,
                Long.parseLong(item.get("latencyMs").n()),
                Instant.parse(item.get("at").s()));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
