package dev.mana.platform.jobs;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The item shapes of the jobs table, and the only place that builds or reads them.
 *
 * <pre>
 * pk                        sk                      what
 * job#{jobId}               job                     the job; gsi1pk acct#{accountId}, gsi1sk {createdAt}#{jobId}; ttl
 * job#{jobId}               item#{000042}           one item's result of a batch job (JobItems); ttl
 * job#{jobId}               delivery#{time}#{id}    one webhook delivery attempt (DeliveryLog); ttl
 * idem#{accountId}#{key}    idem                    jobId, fingerprint, ttl
 * </pre>
 *
 * Small maps (input, result, error, webhook) are kept as JSON strings. A job being worked on has
 * {@code leaseOwner} and {@code leaseUntil} (epoch milliseconds): another worker may take it over
 * only once the lease has run out.
 */
final class JobRecords {
    static final String JOB_SK = "job";
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private JobRecords() {}

    static Map<String, AttributeValue> jobKey(String jobId) {
        return key("job#" + jobId, JOB_SK);
    }

    static Map<String, AttributeValue> idempotencyKey(String accountId, String key) {
        return key("idem#" + accountId + "#" + key, "idem");
    }

    static String accountPartition(String accountId) {
        return "acct#" + accountId;
    }

    static String listSortKey(Instant createdAt, String jobId) {
        return JobIds.sortable(createdAt) + "#" + jobId;
    }

    static Map<String, AttributeValue> jobItem(Job job) {
        var item = jobKey(job.id());
        item.put("id", s(job.id()));
        item.put("accountId", s(job.accountId()));
        item.put("kind", s(job.kind()));
        item.put("status", s(job.status().name()));
        item.put("gsi1pk", s(accountPartition(job.accountId())));
        item.put("gsi1sk", s(listSortKey(job.createdAt(), job.id())));
        item.put("percent", n(0));
        item.put("done", n(0));
        item.put("total", n(job.progress().total()));
        item.put("failed", n(0));
        item.put("input", s(Json.write(job.input())));
        item.put("held", n(job.credits().held()));
        item.put("charged", n(0));
        item.put("refunded", n(0));
        if (job.holdId() != null) item.put("holdId", s(job.holdId()));
        if (job.webhook() != null) item.put("webhook", s(Json.write(job.webhook())));
        item.put("createdAt", s(job.createdAt()));
        item.put("expiresAt", s(job.expiresAt()));
        item.put("ttl", n(job.expiresAt().getEpochSecond()));
        item.put("cancelRequested", AttributeValue.fromBool(false));
        item.put("attempts", n(0));
        return item;
    }

    static Job job(Map<String, AttributeValue> item) {
        return new Job(
                text(item, "id"),
                text(item, "accountId"),
                text(item, "kind"),
                JobStatus.valueOf(text(item, "status")),
                new Job.Progress(
                        (int) number(item, "percent"),
                        number(item, "done"),
                        number(item, "total"),
                        number(item, "failed")),
                map(item, "input"),
                map(item, "result"),
                map(item, "error"),
                new Job.Credits(number(item, "held"), number(item, "charged"), number(item, "refunded")),
                text(item, "holdId"),
                item.containsKey("webhook") ? read(text(item, "webhook"), Job.Webhook.class) : null,
                instant(item, "createdAt"),
                instant(item, "startedAt"),
                instant(item, "finishedAt"),
                instant(item, "expiresAt"),
                item.containsKey("cancelRequested")
                        && item.get("cancelRequested").bool(),
                (int) number(item, "attempts"));
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        var key = new HashMap<String, AttributeValue>();
        key.put("pk", s(pk));
        key.put("sk", s(sk));
        return key;
    }

    static AttributeValue s(Object value) {
        return AttributeValue.fromS(value.toString());
    }

    static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    static AttributeValue json(Object value) {
        return s(Json.write(value));
    }

    static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : value.s();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? 0 : Long.parseLong(value.n());
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : Instant.parse(value.s());
    }

    static Map<String, Object> map(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : read(value.s(), MAP);
    }

    private static <T> T read(String json, Class<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return Json.mapper().readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
