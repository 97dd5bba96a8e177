package dev.mana.platform.jobs;

import static dev.mana.platform.jobs.JobRecords.jobKey;
import static dev.mana.platform.jobs.JobRecords.json;
import static dev.mana.platform.jobs.JobRecords.n;
import static dev.mana.platform.jobs.JobRecords.s;

import dev.mana.platform.Log;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.credits.Settlement;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The job's state moves, each one conditional update (with the hold's end in the same
 * transaction when the job ends), so a move repeated or raced happens once.
 */
final class JobUpdates {
    private static final Map<String, String> NAMES = Map.of("#s", "status");

    private final DynamoDbClient dynamo;
    private final String table;
    private final CreditLedger ledger;
    private final JobSettings settings;

    JobUpdates(DynamoDbClient dynamo, String table, CreditLedger ledger, JobSettings settings) {
        this.dynamo = dynamo;
        this.table = table;
        this.ledger = ledger;
        this.settings = settings;
    }

    Claim start(String jobId, String workerId, Duration lease) {
        Instant now = settings.clock().instant();
        var values = new HashMap<String, AttributeValue>();
        values.put(":queued", s(JobStatus.QUEUED.name()));
        values.put(":running", s(JobStatus.RUNNING.name()));
        values.put(":w", s(workerId));
        values.put(":until", n(now.plus(lease).toEpochMilli()));
        values.put(":nowMs", n(now.toEpochMilli()));
        values.put(":now", s(now));
        values.put(":one", n(1));
        try {
            var updated = dynamo.updateItem(u -> u.tableName(table)
                    .key(jobKey(jobId))
                    .conditionExpression("attribute_exists(pk) AND (#s = :queued OR (#s = :running AND "
                            + "(attribute_not_exists(leaseUntil) OR leaseUntil < :nowMs)))")
                    .updateExpression("SET #s = :running, leaseOwner = :w, leaseUntil = :until,"
                            + " startedAt = if_not_exists(startedAt, :now) ADD attempts :one")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW)
                    .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD));
            var job = JobRecords.job(updated.attributes());
            return new Claim(job.attempts() == 1 ? Claim.Outcome.STARTED : Claim.Outcome.RESUMED, job, null);
        } catch (ConditionalCheckFailedException e) {
            if (!e.hasItem() || e.item().isEmpty()) return new Claim(Claim.Outcome.MISSING, null, null);
            var job = JobRecords.job(e.item());
            if (job.status().terminal()) return new Claim(Claim.Outcome.FINISHED, job, null);
            long until = JobRecords.number(e.item(), "leaseUntil");
            return new Claim(Claim.Outcome.BUSY, job, Duration.ofMillis(Math.max(0, until - now.toEpochMilli())));
        }
    }

    /** Extends this worker's lease; the job after, or empty if the worker lost it. */
    Optional<Job> heartbeat(String jobId, String workerId, Duration lease) {
        Instant now = settings.clock().instant();
        return owned(
                jobId,
                workerId,
                "SET leaseUntil = :until",
                Map.of(":until", n(now.plus(lease).toEpochMilli())));
    }

    Optional<Job> progress(String jobId, String workerId, Job.Progress progress) {
        return owned(
                jobId,
                workerId,
                "SET #p = :p, #d = :d, #t = :t, #f = :f",
                Map.of(
                        ":p", n(progress.percent()),
                        ":d", n(progress.done()),
                        ":t", n(progress.total()),
                        ":f", n(progress.failed())));
    }

    /** Gives the lease up so the next worker may resume at once (a graceful stop). */
    boolean letGo(String jobId, String workerId) {
        return owned(jobId, workerId, "SET leaseUntil = :zero", Map.of(":zero", n(0)))
                .isPresent();
    }

    private Optional<Job> owned(String jobId, String workerId, String update, Map<String, AttributeValue> extra) {
        var values = new HashMap<>(extra);
        values.put(":running", s(JobStatus.RUNNING.name()));
        values.put(":w", s(workerId));
        var names = new HashMap<>(NAMES);
        if (update.contains("#t")) {
            names.putAll(Map.of("#p", "percent", "#d", "done", "#t", "total", "#f", "failed"));
        }
        try {
            var updated = dynamo.updateItem(u -> u.tableName(table)
                    .key(jobKey(jobId))
                    .conditionExpression("#s = :running AND leaseOwner = :w")
                    .updateExpression(update)
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_NEW));
            return Optional.of(JobRecords.job(updated.attributes()));
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    /** running → succeeded, capturing {@code actualCredits} (at most the hold) in the same transaction. */
    boolean succeed(Job job, Map<String, Object> result, long actualCredits) {
        long held = job.credits().held();
        long charged = Math.min(Math.max(0, actualCredits), held);
        if (charged != actualCredits) {
            Log.warn("job charged within its hold", "jobId", job.id(), "asked", actualCredits, "held", held);
        }
        var sets = new HashMap<String, AttributeValue>();
        sets.put("result", json(result == null ? Map.of() : result));
        sets.put("percent", n(100));
        return end(job, List.of(JobStatus.RUNNING), JobStatus.SUCCEEDED, sets, charged, null);
    }

    /** queued | running → failed, releasing the hold in the same transaction. */
    boolean fail(Job job, Map<String, Object> problem) {
        var sets = new HashMap<String, AttributeValue>();
        sets.put("error", json(problem == null ? Map.of() : problem));
        return end(job, List.of(JobStatus.QUEUED, JobStatus.RUNNING), JobStatus.FAILED, sets, 0, null);
    }

    /** queued → canceled (or running with a cancel asked for, at a checkpoint), releasing the hold. */
    boolean cancel(Job job, JobStatus from) {
        String extra = from == JobStatus.RUNNING ? "cancelRequested = :true" : null;
        return end(job, List.of(from), JobStatus.CANCELED, new HashMap<>(), 0, extra);
    }

    /** running → cancelRequested; the worker stops at its next checkpoint. */
    boolean requestCancel(String jobId) {
        try {
            dynamo.updateItem(u -> u.tableName(table)
                    .key(jobKey(jobId))
                    .conditionExpression("#s = :running")
                    .updateExpression("SET cancelRequested = :true")
                    .expressionAttributeNames(NAMES)
                    .expressionAttributeValues(
                            Map.of(":running", s(JobStatus.RUNNING.name()), ":true", AttributeValue.fromBool(true))));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private boolean end(
            Job job,
            List<JobStatus> from,
            JobStatus to,
            Map<String, AttributeValue> sets,
            long charged,
            String extraCondition) {
        Instant now = settings.clock().instant();
        Instant expires = now.plus(settings.retention());
        long held = job.credits().held();
        sets.put("#s", s(to.name()));
        sets.put("finishedAt", s(now));
        sets.put("expiresAt", s(expires));
        sets.put("#ttl", n(expires.getEpochSecond()));
        sets.put("charged", n(charged));
        sets.put("refunded", n(held - charged));
        var update = terminalUpdate(job.id(), from, sets, extraCondition);
        if (job.holdId() == null) return write(update);
        var others = List.of(TransactWriteItem.builder().update(update).build());
        Settlement settlement = to == JobStatus.SUCCEEDED
                ? ledger.captureAlongside(job.holdId(), charged, others)
                : ledger.releaseAlongside(job.holdId(), others);
        return switch (settlement.outcome()) {
            case SETTLED -> true;
            case REFUSED -> false;
            case ALREADY_SETTLED -> {
                // The hold ended without the job (cannot happen through this store): record what it did.
                var hold = settlement.hold();
                sets.put("charged", n(hold.captured()));
                sets.put("refunded", n(hold.released()));
                Log.warn("job's hold had already ended", "jobId", job.id(), "holdId", hold.holdId());
                yield write(terminalUpdate(job.id(), from, sets, extraCondition));
            }
        };
    }

    private Update terminalUpdate(
            String jobId, List<JobStatus> from, Map<String, AttributeValue> sets, String extraCondition) {
        var names = new HashMap<>(NAMES);
        names.put("#ttl", "ttl");
        var values = new HashMap<String, AttributeValue>();
        var assignments = new StringBuilder();
        for (var entry : sets.entrySet()) {
            String name = entry.getKey();
            String placeholder = ":v" + values.size();
            values.put(placeholder, entry.getValue());
            if (!name.startsWith("#")) {
                names.put("#" + name, name);
                name = "#" + name;
            }
            assignments
                    .append(assignments.isEmpty() ? "SET " : ", ")
                    .append(name)
                    .append(" = ")
                    .append(placeholder);
        }
        var condition = new StringBuilder("(");
        for (int i = 0; i < from.size(); i++) {
            values.put(":from" + i, s(from.get(i).name()));
            condition.append(i == 0 ? "" : " OR ").append("#s = :from").append(i);
        }
        condition.append(")");
        if (extraCondition != null) {
            values.put(":true", AttributeValue.fromBool(true));
            condition.append(" AND ").append(extraCondition);
        }
        return Update.builder()
                .tableName(table)
                .key(jobKey(jobId))
                .conditionExpression(condition.toString())
                .updateExpression(assignments + " REMOVE leaseOwner, leaseUntil")
                .expressionAttributeNames(names)
                .expressionAttributeValues(values)
                .build();
    }

    private boolean write(Update update) {
        try {
            dynamo.updateItem(u -> u.tableName(update.tableName())
                    .key(update.key())
                    .conditionExpression(update.conditionExpression())
                    .updateExpression(update.updateExpression())
                    .expressionAttributeNames(update.expressionAttributeNames())
                    .expressionAttributeValues(update.expressionAttributeValues()));
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }
}
