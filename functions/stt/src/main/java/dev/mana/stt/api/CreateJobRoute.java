package dev.mana.stt.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.webhooks.WebhookTarget;
import dev.mana.stt.service.AudioInput;
import dev.mana.stt.service.AudioStore;
import dev.mana.stt.service.ResponseFormat;
import dev.mana.stt.service.SpeechEngine;
import dev.mana.stt.service.SttJobs;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/stt/jobs {uploadId, model?, language?, responseFormat?, prompt?, webhook?}}:
 * transcribes an upload ({@code POST /v1/uploads}) as a job. The upload is probed first (bad or
 * too long audio is a 422, nothing held); then the job holds the price of its duration and is
 * queued: 202 with the job to poll, or to be told about by the signed webhook.
 */
public final class CreateJobRoute {

    /** The request. */
    public record CreateSttJob(
            String uploadId,
            String url,
            String model,
            String language,
            String responseFormat,
            String prompt,
            Double temperature,
            WebhookTarget.WebhookBody webhook) {}

    private final SpeechEngine engine;
    private final AudioCodecs codecs;
    private final AudioStore store;
    private final SttJobs jobs;
    private final WebhookTarget webhooks;
    private final String defaultModel;

    public CreateJobRoute(
            SpeechEngine engine,
            AudioCodecs codecs,
            AudioStore store,
            SttJobs jobs,
            WebhookTarget webhooks,
            String defaultModel) {
        this.engine = engine;
        this.codecs = codecs;
        this.store = store;
        this.jobs = jobs;
        this.webhooks = webhooks;
        this.defaultModel = defaultModel;
    }

    public Route route() {
        return Route.post("/v1/stt/jobs", this::handle);
    }

    ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        CreateSttJob body = request.json(CreateSttJob.class);
        if (body.url() != null) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "url",
                    "Fetching audio from a URL is not available yet; upload it with POST /v1/uploads and send uploadId.");
        }
        if (body.uploadId() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "uploadId", "The field 'uploadId' is required.");
        }
        String model = body.model() == null ? defaultModel : body.model();
        var options = FormOptions.check(
                model,
                Optional.ofNullable(body.language()),
                false,
                Optional.ofNullable(body.prompt()),
                Optional.ofNullable(body.temperature()).map(String::valueOf),
                Optional.ofNullable(body.responseFormat()),
                ResponseFormat.MANA,
                List.of(),
                "responseFormat");
        var entry = engine.registry().require(model);
        var webhook = webhooks.check(body.webhook());
        String key = store.uploadKey(account, body.uploadId());
        AudioInput input;
        try {
            input = AudioInput.of(store.download(key), codecs, engine.settings().maxDurationSeconds());
        } catch (ApiException e) {
            throw e.with("field", "uploadId"); // the upload is what the client sent
        }
        try (input) {
            return jobs.create(request, key, input.durationSeconds(), entry, options, webhook, request.bodyText());
        }
    }
}
