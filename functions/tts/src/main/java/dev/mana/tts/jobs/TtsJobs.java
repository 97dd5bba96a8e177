package dev.mana.tts.jobs;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.jobs.worker.JobQueue;
import dev.mana.tts.api.SpeechOrder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * Long text as a {@code tts} job: the job and a hold of its price in one transaction, the text in
 * S3 beside its future audio ({@code results/<job>/input.txt}; a queue message holds 256 KB and
 * 100,000 characters can be 400 KB), then the message on TtsQueue. A job that cannot be queued is
 * failed at once and its hold released.
 */
public final class TtsJobs {

    public static final String KIND = "tts";

    private final JobStore jobs;
    private final JobQueue queue;
    private final S3Client s3;
    private final String bucket;

    public TtsJobs(JobStore jobs, JobQueue queue, S3Client s3, String bucket) {
        this.jobs = jobs;
        this.queue = queue;
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The job for {@code order} (the same one again for a repeated Idempotency-Key and body). */
    public Job submit(String account, SpeechOrder order, long price, String idempotencyKey, String body) {
        var summary = new LinkedHashMap<String, Object>();
        summary.put("engine", order.engine().id());
        summary.put("voice", order.voice());
        summary.put("speed", order.speed());
        summary.put("format", order.format().id());
        summary.put("characters", order.characters());
        var created = jobs.create(new NewJob(account, KIND, summary, price, null, idempotencyKey, body));
        Job job = created.job();
        if (created.replayed()) return job;
        try {
            String key = inputKey(job.id());
            s3.putObject(
                    PutObjectRequest.builder()
                            .bucket(bucket)
                            .key(key)
                            .contentType("text/plain; charset=utf-8")
                            .build(),
                    RequestBody.fromString(order.text(), StandardCharsets.UTF_8));
            var payload = new LinkedHashMap<String, Object>(summary);
            payload.put("textKey", key);
            queue.enqueue(job, payload);
        } catch (RuntimeException e) {
            Log.error("tts job could not be queued; failing it", e, "jobId", job.id());
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
            throw new ApiException(
                            ErrorCode.UNAVAILABLE,
                            "The job could not be queued and its credits were released; retry the request.")
                    .withHeader("Retry-After", "5");
        }
        return job;
    }

    static String inputKey(String jobId) {
        return "results/" + jobId + "/input.txt";
    }

    static String audioKey(String jobId, String format) {
        return "results/" + jobId + "/speech." + format;
    }
}
