package dev.mana.platform.jobs.worker;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.jobs.Created;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import java.util.Map;
import java.util.function.Function;

/**
 * Writes a job (with its credit hold and outbox entry) and queues it, so that no job stays
 * queued with a hold past a bound whatever fails in between:
 *
 * <ul>
 *   <li>queued: the outbox entry goes ({@link JobStore#markQueued});
 *   <li>the queue refuses and the request has an Idempotency-Key: the job waits, and the
 *       client's retry with the same key queues it; without a retry the outbox sweep fails it
 *       and releases its hold after {@link JobOutbox#ABANDONED_AFTER};
 *   <li>the queue refuses and there is no key (nothing can replay it): the job is failed and its
 *       hold released at once;
 *   <li>the function dies between writing and queueing: the same as a refusal with a key.
 * </ul>
 *
 * Either refusal answers 503 with {@code Retry-After}. One per container, at init.
 */
public final class JobLauncher {
    private final JobStore jobs;
    private final JobQueue queue;

    public JobLauncher(JobStore jobs, JobQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    /**
     * The job for {@code request}, queued with {@code payload}'s message body unless a replay
     * finds it queued already. {@code payload} runs only when the job is queued (it may store
     * the job's input, e.g. in S3, under the job's id: a replay writes the same again).
     */
    public Created launch(NewJob request, Function<Job, Map<String, Object>> payload) {
        var created = jobs.create(request);
        Job job = created.job();
        if (!created.replayed() || (job.status() == JobStatus.QUEUED && jobs.awaitingQueue(job))) {
            enqueue(job, payload, request.idempotencyKey() != null);
        }
        return created;
    }

    private void enqueue(Job job, Function<Job, Map<String, Object>> payload, boolean replayable) {
        try {
            queue.enqueue(job, payload.apply(job));
        } catch (RuntimeException e) {
            Log.error("job could not be queued", e, "jobId", job.id(), "kind", job.kind(), "replayable", replayable);
            if (!replayable) jobs.fail(job, notQueued());
            throw new ApiException(
                            ErrorCode.UNAVAILABLE,
                            replayable
                                    ? "The job could not be queued yet; send the request again with the same"
                                            + " Idempotency-Key. Without a retry within "
                                            + JobOutbox.ABANDONED_AFTER.toMinutes()
                                            + " minutes the job fails and its credits are released."
                                    : "The job could not be queued and its credits were released; retry the request.")
                    .withHeader("Retry-After", "5");
        }
        jobs.markQueued(job);
    }

    private static Map<String, Object> notQueued() {
        return Map.of(
                "type",
                ErrorCode.UNAVAILABLE.type(),
                "title",
                "The job could not be queued",
                "status",
                503,
                "detail",
                "The job could not be queued; its credits were released.",
                "code",
                ErrorCode.UNAVAILABLE.code());
    }
}
