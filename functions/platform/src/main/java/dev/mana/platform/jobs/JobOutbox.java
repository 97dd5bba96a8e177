package dev.mana.platform.jobs;

import static dev.mana.platform.jobs.JobRecords.n;
import static dev.mana.platform.jobs.JobRecords.s;

import dev.mana.platform.Log;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Jobs written but not yet known to be queued, in the jobs table:
 *
 * <pre>
 * pk       sk                       attributes
 * outbox   {createdAt}#{jobId}      jobId, kind, ttl
 * </pre>
 *
 * {@link JobStore#create} writes the entry in the job's own transaction; the route removes it
 * once the queue has the job ({@link JobStore#markQueued}). An entry left behind means the
 * function failed or died between the two: a replay of the request queues the job then, and
 * {@link #sweep} fails whatever is still queued past {@link #ABANDONED_AFTER}, releasing its
 * hold, so no job waits with its credits held for a message that was never sent.
 */
public final class JobOutbox {
    /** Far past any request's lifetime (API Gateway ends one at 29 s): the writer is gone. */
    public static final Duration ABANDONED_AFTER = Duration.ofMinutes(2);

    static final String PK = "outbox";

    private final DynamoDbClient dynamo;
    private final String table;
    private final JobStore store;
    private final JobSettings settings;

    public JobOutbox(DynamoDbClient dynamo, String table, JobStore store, JobSettings settings) {
        this.dynamo = dynamo;
        this.table = table;
        this.store = store;
        this.settings = settings;
    }

    static TransactWriteItem entry(String table, Job job, Instant expires) {
        var item = key(job);
        item.put("jobId", s(job.id()));
        item.put("kind", s(job.kind()));
        item.put("ttl", n(expires.getEpochSecond()));
        return TransactWriteItem.builder()
                .put(Put.builder().tableName(table).item(item).build())
                .build();
    }

    static Map<String, AttributeValue> key(Job job) {
        return JobRecords.key(PK, job.createdAt() + "#" + job.id());
    }

    /**
     * Fails every job of {@code kinds} whose entry is older than {@link #ABANDONED_AFTER} and that
     * is still queued, its hold released; removes the entry of every job that moved on. Safe to run
     * concurrently and repeatedly.
     *
     * @return the jobs failed, as they are now (for their webhooks)
     */
    public List<Job> sweep(Set<String> kinds) {
        Instant before = settings.clock().instant().minus(ABANDONED_AFTER);
        var failed = new ArrayList<Job>();
        for (Map<String, AttributeValue> entry : entriesBefore(before)) {
            // Another kind's entries wait for the sweep of the function that queues that kind.
            if (!kinds.contains(JobRecords.text(entry, "kind"))) continue;
            String jobId = JobRecords.text(entry, "jobId");
            var job = store.find(jobId);
            if (job.isPresent() && job.get().status() == JobStatus.QUEUED && store.fail(job.get(), NEVER_QUEUED)) {
                Log.warn("job was never queued; failed and its hold released", "jobId", jobId);
                store.find(jobId).ifPresent(failed::add);
            }
            dynamo.deleteItem(d -> d.tableName(table).key(JobRecords.key(PK, JobRecords.text(entry, "sk"))));
        }
        return failed;
    }

    private List<Map<String, AttributeValue>> entriesBefore(Instant before) {
        var entries = new ArrayList<Map<String, AttributeValue>>();
        Map<String, AttributeValue> start = null;
        do {
            Map<String, AttributeValue> from = start;
            var page = dynamo.query(q -> q.tableName(table)
                    .keyConditionExpression("pk = :pk AND sk < :before")
                    .expressionAttributeValues(Map.of(":pk", s(PK), ":before", s(before.toString())))
                    .exclusiveStartKey(from)
                    .consistentRead(true));
            entries.addAll(page.items());
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null);
        return entries;
    }

    private static final Map<String, Object> NEVER_QUEUED = Map.of(
            "type",
            dev.mana.platform.ErrorCode.UNAVAILABLE.type(),
            "title",
            "The job could not be queued",
            "status",
            503,
            "detail",
            "The job could not be queued; its credits were released. Send the request again.",
            "code",
            dev.mana.platform.ErrorCode.UNAVAILABLE.code());
}
