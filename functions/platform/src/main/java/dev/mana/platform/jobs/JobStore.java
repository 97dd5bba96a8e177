package dev.mana.platform.jobs;

import static dev.mana.platform.jobs.JobRecords.n;
import static dev.mana.platform.jobs.JobRecords.s;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.credits.CreditLedger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Jobs: created with their credits hold in one transaction, read only by their account, moved
 * only by conditional updates. Build one per container, at init:
 *
 * <pre>{@code new JobStore(aws.dynamoDb(), Environment.require("JOBS_TABLE"), ledger)}</pre>
 *
 * <p>Creation writes the job, its {@code Idempotency-Key} item and the hold (balance, hold item,
 * ledger entry in the credits table) in one {@code TransactWriteItems}, which spans tables: there
 * is never a job without its hold or a hold without its job, and a replay holds nothing. Ending a
 * job ends its hold in the same way (capture on success, release on failure or cancel), so each
 * happens exactly once whatever the redeliveries. The same transaction writes the job's {@link
 * JobOutbox} entry, removed by {@link #markQueued} once its queue has it.
 */
public final class JobStore {
    private static final Pattern KIND = Pattern.compile("[a-z][a-z0-9-]{0,31}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1,255}");

    private final DynamoDbClient dynamo;
    private final String table;
    private final CreditLedger ledger;
    private final JobSettings settings;
    private final JobUpdates updates;
    private final JobQueries queries;

    public JobStore(DynamoDbClient dynamo, String table, CreditLedger ledger) {
        this(dynamo, table, ledger, JobSettings.DEFAULTS);
    }

    public JobStore(DynamoDbClient dynamo, String table, CreditLedger ledger, JobSettings settings) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.updates = new JobUpdates(dynamo, table, ledger, settings);
        this.queries = new JobQueries(dynamo, table, settings);
    }

    /**
     * Creates a queued job and holds its estimated credits, in one transaction. With an
     * idempotency key used before (within 7 days) for the same request, returns the first job
     * and holds nothing; for another request it is a 409.
     *
     * @throws ApiException 402 {@code insufficient_credits}, 409 {@code idempotency_key_reused},
     *     400 for a bad key
     */
    public Created create(NewJob request) {
        if (!KIND.matcher(request.kind()).matches()) {
            throw new IllegalArgumentException("Not a job kind: " + request.kind());
        }
        String key = request.idempotencyKey();
        if (key != null && !KEY.matcher(key).matches()) {
            throw new ApiException(
                            ErrorCode.INVALID_PARAMETER,
                            "The Idempotency-Key must be 1 to 255 visible ASCII characters (no spaces).")
                    .with("parameter", "Idempotency-Key");
        }
        Instant now = settings.clock().instant();
        String jobId = JobIds.next(now);
        String fingerprint = fingerprint(request);
        long estimate = request.estimatedCredits();
        var writes = (java.util.function.Function<String, List<TransactWriteItem>>) holdId -> {
            var job = new Job(
                    jobId,
                    request.accountId(),
                    request.kind(),
                    JobStatus.QUEUED,
                    Job.Progress.NONE,
                    request.input(),
                    null,
                    null,
                    new Job.Credits(estimate, 0, 0),
                    holdId,
                    request.webhook(),
                    now,
                    null,
                    null,
                    now.plus(settings.retention()),
                    false,
                    0);
            var items = new ArrayList<TransactWriteItem>();
            items.add(put(JobRecords.jobItem(job), "attribute_not_exists(pk)", Map.of()));
            items.add(JobOutbox.entry(table, job, now.plus(settings.retention())));
            if (key != null) items.add(idempotencyItem(request.accountId(), key, jobId, fingerprint, now));
            return items;
        };
        boolean created;
        if (estimate > 0) {
            created = ledger.holdAlongside(
                            request.accountId(), estimate, "job " + jobId + " (" + request.kind() + ")", writes)
                    .isPresent();
        } else {
            created = transact(writes.apply(null));
        }
        if (created) return new Created(get(request.accountId(), jobId).orElseThrow(), false);
        return replay(request.accountId(), key, fingerprint);
    }

    /** The account's job; empty for another account's job, an unknown or an expired one. */
    public Optional<Job> get(String accountId, String jobId) {
        return find(jobId).filter(job -> job.accountId().equals(accountId));
    }

    /** The queue has the job: its outbox entry goes (see {@link JobOutbox}). */
    public void markQueued(Job job) {
        dynamo.deleteItem(d -> d.tableName(table).key(JobOutbox.key(job)));
    }

    /** Whether the job was written but never marked queued: a replay should queue it. */
    public boolean awaitingQueue(Job job) {
        var item = dynamo.getItem(
                        g -> g.tableName(table).key(JobOutbox.key(job)).consistentRead(true))
                .item();
        return item != null && !item.isEmpty();
    }

    /** Any account's job, for workers (the message names it); empty if unknown or expired. */
    public Optional<Job> find(String jobId) {
        if (!JobIds.valid(jobId)) return Optional.empty();
        return queries.get(jobId);
    }

    /**
     * The account's jobs, newest first, optionally of one status and kind.
     *
     * @param cursor null for the newest page, else a previous page's {@code nextCursor}
     * @throws ApiException 400 {@code invalid_parameter} for a bad cursor or limit (1 to 100)
     */
    public JobPage list(String accountId, JobStatus status, String kind, String cursor, int limit) {
        if (limit < 1 || limit > 100) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The limit must be from 1 to 100.")
                    .with("parameter", "limit");
        }
        return queries.list(accountId, status, kind, cursor, limit);
    }

    /**
     * Cancels the account's job: a queued one at once, its hold released in the same
     * transaction; a running one is marked {@code cancelRequested} and stops at its next
     * checkpoint; an ended one stays as it is.
     *
     * @return the job after the call; empty for another account's or an unknown job
     */
    public Optional<Job> cancel(String accountId, String jobId) {
        for (int attempt = 0; attempt < 3; attempt++) {
            var job = get(accountId, jobId);
            if (job.isEmpty() || job.get().status().terminal()) return job;
            boolean moved = job.get().status() == JobStatus.QUEUED
                    ? updates.cancel(job.get(), JobStatus.QUEUED)
                    : updates.requestCancel(jobId);
            if (moved) return get(accountId, jobId);
        }
        return get(accountId, jobId);
    }

    // ---- for workers (dev.mana.platform.jobs.worker) ----

    /** Claims the job for {@code workerId} for {@code lease}: queued, or running with a lapsed lease. */
    public Claim start(String jobId, String workerId, Duration lease) {
        return updates.start(jobId, workerId, lease);
    }

    /** Extends the worker's lease; the job after (see {@code cancelRequested}), empty if the lease was lost. */
    public Optional<Job> heartbeat(String jobId, String workerId, Duration lease) {
        return updates.heartbeat(jobId, workerId, lease);
    }

    /** Records progress while the worker holds the lease; the job after, empty if the lease was lost. */
    public Optional<Job> progress(String jobId, String workerId, Job.Progress progress) {
        return updates.progress(jobId, workerId, progress);
    }

    /** Gives the worker's lease up so another may resume the job at once (graceful stop). */
    public boolean letGo(String jobId, String workerId) {
        return updates.letGo(jobId, workerId);
    }

    /** running → succeeded with {@code result}, charging {@code actualCredits} (capped at the hold), once. */
    public boolean succeed(Job job, Map<String, Object> result, long actualCredits) {
        return updates.succeed(job, result, actualCredits);
    }

    /** queued | running → failed with {@code problem}, releasing the hold, once. */
    public boolean fail(Job job, Map<String, Object> problem) {
        return updates.fail(job, problem);
    }

    /** running with a cancel requested → canceled, releasing the hold, once (the worker's checkpoint). */
    public boolean markCanceled(Job job) {
        return updates.cancel(job, JobStatus.RUNNING);
    }

    private Created replay(String accountId, String key, String fingerprint) {
        if (key == null) throw new IllegalStateException("Job creation refused without an idempotency key");
        var item = dynamo.getItem(g -> g.tableName(table)
                        .key(JobRecords.idempotencyKey(accountId, key))
                        .consistentRead(true))
                .item();
        boolean live = item != null
                && !item.isEmpty()
                && JobRecords.number(item, "ttl") >= settings.clock().instant().getEpochSecond();
        if (!live) {
            throw new ApiException(ErrorCode.CONFLICT, "A request with this Idempotency-Key is finishing; retry it.");
        }
        if (!fingerprint.equals(JobRecords.text(item, "fingerprint"))) {
            throw new ApiException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key.")
                    .with("parameter", "Idempotency-Key");
        }
        String jobId = JobRecords.text(item, "jobId");
        return new Created(
                get(accountId, jobId)
                        .orElseThrow(() -> new ApiException(
                                ErrorCode.CONFLICT, "The job of this Idempotency-Key has expired; use a new key.")),
                true);
    }

    private TransactWriteItem idempotencyItem(
            String accountId, String key, String jobId, String fingerprint, Instant now) {
        var item = JobRecords.idempotencyKey(accountId, key);
        item.put("jobId", s(jobId));
        item.put("fingerprint", s(fingerprint));
        item.put("createdAt", s(now));
        item.put("ttl", n(now.plus(settings.idempotencyWindow()).getEpochSecond()));
        return put(item, "attribute_not_exists(pk) OR #ttl < :now", Map.of(":now", n(now.getEpochSecond())));
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item, String condition, Map<String, AttributeValue> values) {
        var put = Put.builder().tableName(table).item(item).conditionExpression(condition);
        if (!values.isEmpty())
            put.expressionAttributeNames(Map.of("#ttl", "ttl")).expressionAttributeValues(values);
        return TransactWriteItem.builder().put(put.build()).build();
    }

    private boolean transact(List<TransactWriteItem> writes) {
        try {
            dynamo.transactWriteItems(t -> t.transactItems(writes));
            return true;
        } catch (TransactionCanceledException e) {
            if (e.hasCancellationReasons()
                    && e.cancellationReasons().stream().anyMatch(r -> "ConditionalCheckFailed".equals(r.code()))) {
                return false;
            }
            throw e;
        }
    }

    private static String fingerprint(NewJob request) {
        String basis = request.fingerprint() != null
                ? request.fingerprint()
                : request.kind() + "\n" + dev.mana.platform.Json.write(new java.util.TreeMap<>(request.input())) + "\n"
                        + request.estimatedCredits();
        try {
            var digest = java.security.MessageDigest.getInstance("SHA-256")
                    .digest(basis.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return java.util.HexFormat.of().formatHex(digest);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
