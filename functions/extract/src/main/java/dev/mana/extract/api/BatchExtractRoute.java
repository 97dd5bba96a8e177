package dev.mana.extract.api;

import dev.mana.extract.batch.BatchExtractProcessor;
import dev.mana.extract.batch.BatchInputs;
import dev.mana.extract.service.RequestedUrl;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.jobs.worker.JobQueue;
import dev.mana.platform.webhooks.WebhookTarget;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /v1/extract/batch {urls[1..1000], options?, webhook?}}: a job that extracts every
 * URL. Bad input is refused before anything is held (422 naming the field, e.g. {@code urls[3]}
 * or {@code webhook.url}); then the job and a hold of 1 credit per URL are created in one
 * transaction (402 when the balance cannot hold it) and the job is queued; the answer is 202
 * {@code {id, status, links}} with {@code Location: /v1/jobs/{id}}. The same Idempotency-Key with
 * the same body returns the same job and holds nothing more (and queues it, if the first request
 * could not). If the job cannot be queued the answer is 503: without an Idempotency-Key the job
 * is failed at once and its hold released; with one it waits for the replay, and the outbox sweep
 * ({@link JobOutbox}) fails it and releases its hold if none comes.
 */
public final class BatchExtractRoute {

    /** The request. */
    public record BatchExtractRequest(List<String> urls, OptionsBody options, WebhookTarget.WebhookBody webhook) {}

    /** The answer: the job to poll. */
    public record BatchExtractResponse(String id, String object, String status, Map<String, String> links) {}

    static final int MAX_URLS = 1000;
    /** 1,000 URLs of 2 KiB, the options and a webhook. */
    static final int MAX_BODY_BYTES = 3 * 1024 * 1024;

    private final JobStore jobs;
    private final JobQueue queue;
    private final BatchInputs inputs;
    private final WebhookTarget webhooks;

    public BatchExtractRoute(JobStore jobs, JobQueue queue, BatchInputs inputs, WebhookTarget webhooks) {
        this.jobs = jobs;
        this.queue = queue;
        this.inputs = inputs;
        this.webhooks = webhooks;
    }

    public Route route() {
        return Route.post("/v1/extract/batch", this::handle).maxBodyBytes(MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        BatchExtractRequest body = request.json(BatchExtractRequest.class);
        if (body.urls() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "urls", "The field 'urls' is required.");
        }
        if (body.urls().isEmpty() || body.urls().size() > MAX_URLS) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            "urls",
                            "Send 1 to " + MAX_URLS + " URLs; this request has "
                                    + body.urls().size() + ".")
                    .with("limit", MAX_URLS);
        }
        for (int i = 0; i < body.urls().size(); i++)
            RequestedUrl.check(body.urls().get(i), "urls[" + i + "]");
        OptionsBody.settings(body.options());
        Job.Webhook webhook = webhooks.check(body.webhook());

        var summary = new LinkedHashMap<String, Object>();
        summary.put("urls", body.urls().size());
        Map<String, Object> options =
                body.options() == null ? null : withoutNulls(Json.mapper().convertValue(body.options(), Map.class));
        if (options != null) summary.put("options", options);
        String key = request.header("Idempotency-Key")
                .map(String::trim)
                .filter(k -> !k.isEmpty())
                .orElse(null);
        var created = jobs.create(new NewJob(
                account,
                BatchExtractProcessor.KIND,
                summary,
                (long) body.urls().size() * ExtractBilling.PRICE,
                webhook,
                key,
                request.bodyText()));
        Job job = created.job();
        // A replay queues a job the first request wrote but could not queue (failed or died).
        if (!created.replayed() || (job.status() == JobStatus.QUEUED && jobs.awaitingQueue(job))) {
            enqueue(job, new BatchInputs.BatchInput(body.urls(), options), key != null);
        }
        String self = "/v1/jobs/" + job.id();
        var answer =
                new BatchExtractResponse(job.id(), "job", job.status().wire(), Map.of("self", self, "cancel", self));
        return ApiResponse.json(202, answer).withHeader("Location", self);
    }

    /**
     * Queues the job and clears its outbox entry. When the queue refuses, a request with an
     * Idempotency-Key leaves the job waiting (its replay queues it; the outbox sweep fails it
     * and releases its hold if no replay comes); one without a key cannot be replayed, so its
     * job is failed and its hold released at once. Either way the answer is 503.
     */
    private void enqueue(Job job, BatchInputs.BatchInput input, boolean replayable) {
        try {
            queue.enqueue(job, inputs.payload(job, input));
        } catch (RuntimeException e) {
            Log.error("batch job could not be queued", e, "jobId", job.id(), "replayable", replayable);
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
                                            + " Idempotency-Key. Without a retry within "
                                            + JobOutbox.ABANDONED_AFTER.toMinutes()
                                            + " minutes the job fails and its credits are released."
                                    : "The job could not be queued and its credits were released; retry the request.")
                    .withHeader("Retry-After", "5");
        }
        jobs.markQueued(job);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> withoutNulls(Map<?, ?> map) {
        var copy = new LinkedHashMap<String, Object>();
        map.forEach((k, v) -> {
            if (v != null) copy.put((String) k, v);
        });
        return copy;
    }
}
