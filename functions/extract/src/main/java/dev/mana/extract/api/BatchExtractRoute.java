package dev.mana.extract.api;

import dev.mana.extract.batch.BatchExtractProcessor;
import dev.mana.extract.batch.BatchInputs;
import dev.mana.extract.service.RequestedUrl;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.jobs.worker.JobLauncher;
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

    private final JobLauncher launcher;
    private final BatchInputs inputs;
    private final WebhookTarget webhooks;

    public BatchExtractRoute(JobStore jobs, JobQueue queue, BatchInputs inputs, WebhookTarget webhooks) {
        this.launcher = new JobLauncher(jobs, queue);
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
        var input = new BatchInputs.BatchInput(body.urls(), options);
        Job job = launcher.launch(
                        new NewJob(
                                account,
                                BatchExtractProcessor.KIND,
                                summary,
                                (long) body.urls().size() * ExtractBilling.PRICE,
                                webhook,
                                key,
                                request.bodyText()),
                        queued -> inputs.payload(queued, input))
                .job();
        String self = "/v1/jobs/" + job.id();
        var answer =
                new BatchExtractResponse(job.id(), "job", job.status().wire(), Map.of("self", self, "cancel", self));
        return ApiResponse.json(202, answer).withHeader("Location", self);
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
