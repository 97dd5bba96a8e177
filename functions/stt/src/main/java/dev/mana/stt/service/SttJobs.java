package dev.mana.stt.service;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.jobs.worker.JobLauncher;
import dev.mana.platform.jobs.worker.JobQueue;
import dev.mana.stt.models.ModelEntry;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Makes an {@code stt} job, as batch extraction makes its jobs: the job and a hold of the price
 * of the probed duration in one transaction (402 when the balance cannot hold it; the same
 * Idempotency-Key with the same request gives the same job and holds nothing more), then the
 * message on SttQueue through the platform's {@link JobLauncher} (a job the queue refuses waits for
 * its Idempotency-Key's retry, else fails and releases its hold; 503 either way). The answer is 202 {@code {id, object, status, links}} with {@code Location}.
 */
public final class SttJobs {

    public static final String KIND = "stt";

    /** The answer: the job to poll. */
    public record JobAnswer(String id, String object, String status, Map<String, String> links) {}

    private final JobLauncher launcher;

    public SttJobs(JobStore jobs, JobQueue queue) {
        this.launcher = new JobLauncher(jobs, queue);
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
        Job job = launcher.launch(
                        new NewJob(
                                account,
                                KIND,
                                summary,
                                SttPricing.credits(durationSeconds, model.manifest()),
                                webhook,
                                key,
                                fingerprint),
                        queued -> {
                            Map<String, Object> payload = new LinkedHashMap<>(options.toMap());
                            payload.put("audioKey", audioKey);
                            return payload;
                        })
                .job();
        String self = "/v1/jobs/" + job.id();
        return ApiResponse.json(202, new JobAnswer(job.id(), "job", job.status().wire(), Map.of("self", self)))
                .withHeader("Location", self);
    }
}
