package dev.mana.stt.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.jobs.worker.JobQueue;
import dev.mana.stt.models.ModelEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes an {@code stt} job, as batch extraction makes its jobs: the job and a hold of the price
 * of the probed duration in one transaction (402 when the balance cannot hold it; the same
 * Idempotency-Key with the same request gives the same job and holds nothing more), then the
 * message on SttQueue; a job that cannot be queued is failed at once, its hold released, 503.
 * A replay of a job that could not be queued queues it. The answer is 202 {@code {id, object, status, links}} with {@code Location}.
 */
public final class SttJobs {

    public static final String KIND = "stt";

    /** The answer: the job to poll. */
    public record JobAnswer(String id, String object, String status, Map<String, String> links) {}

    private final JobStore jobs;
    private final JobQueue queue;

    public SttJobs(JobStore jobs, JobQueue queue) {
        this.jobs = jobs;
        this.queue = queue;
    }

    /**
     * @param fingerprint what makes a retry under the same Idempotency-Key "the same request"
     */
    public ApiResponse create(
            ApiRequest request,
            String audioKey,
            double durationSeconds,
            ModelEntry model,
            SttOptions options,
            Job.Webhook webhook,
            String fingerprint) {
        String account = request.requireCaller().accountId();
        Map<String, Object> summary = new LinkedHashMap<>(options.toMap());
        summary.put("durationSeconds", Math.round(durationSeconds * 1000) / 1000.0);
        String key = request.header("Idempotency-Key")
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .orElse(null);
        var created = jobs.create(new NewJob(
                account,
                KIND,
                summary,
                SttPricing.credits(durationSeconds, model.manifest()),
                webhook,
                key,
                fingerprint));
        Job job = created.job();
        // A replay queues a job the first request wrote but could not queue (failed or died).
        if (!created.replayed() || (job.status() == JobStatus.QUEUED && jobs.awaitingQueue(job))) {
            Map<String, Object> payload = new LinkedHashMap<>(options.toMap());
            payload.put("audioKey", audioKey);
            enqueue(job, payload, key != null);
        }
        String self = "/v1/jobs/" + job.id();
        return ApiResponse.json(202, new JobAnswer(job.id(), "job", job.status().wire(), Map.of("self", self)))
                .withHeader("Location", self);
    }

    /**
     * Queues the job and clears its outbox entry, as batch extraction does: when the queue refuses,
     * a request with an Idempotency-Key leaves the job for its replay (the outbox sweep fails it
     * after {@link JobOutbox#ABANDONED_AFTER}); one without is failed at once, its hold released.
     */
    private void enqueue(Job job, Map<String, Object> payload, boolean replayable) {
        try {
            queue.enqueue(job, payload);
        } catch (RuntimeException e) {
            Log.error("stt job could not be queued", e, "jobId", job.id(), "replayable", replayable);
            if (!replayable) {
                jobs.fail(
                        job,
                        Map.of(
                                "type",
                                ErrorCode.UNAVAILABLE.type(),
                                "title",
                                "The job could not be queued",
                                "status",
                                503,
                                "detail",
                                "The job could not be queued; its credits were released.",
                                "code",
                                ErrorCode.UNAVAILABLE.code()));
            }
            throw new ApiException(
                            ErrorCode.UNAVAILABLE,
                            replayable
                                    ? "The job could not be queued yet; send the request again with the same"
                                            + " Idempotency-Key."
                                    : "The job could not be queued and its credits were released; retry the request.")
                    .withHeader("Retry-After", "5");
        }
        jobs.markQueued(job);
    }
}
