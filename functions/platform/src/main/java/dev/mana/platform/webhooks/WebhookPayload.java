package dev.mana.platform.webhooks;

import dev.mana.platform.Json;
import dev.mana.platform.jobs.Job;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The body of a job event: {@code {type, timestamp, data}}, with {@code data} the job's summary.
 * It depends on the ended job alone, so every attempt sends the same bytes.
 */
final class WebhookPayload {
    /** A result larger than this as JSON, or kept in S3, is left out: {@code GET /v1/jobs/{id}} has it. */
    static final int MAX_INLINE_RESULT = 16 * 1024;

    private WebhookPayload() {}

    static String of(Job job, WebhookEvent event, Instant fallbackTime) {
        var data = new LinkedHashMap<String, Object>();
        data.put("id", job.id());
        data.put("object", "job");
        data.put("kind", job.kind());
        data.put("status", job.status());
        data.put("progress", job.progress());
        inlineResult(job.result()).ifPresent(result -> data.put("result", result));
        if (job.error() != null) data.put("error", job.error());
        data.put("credits", job.credits());
        data.put("createdAt", job.createdAt());
        data.put("finishedAt", job.finishedAt());
        if (job.webhook() != null && !job.webhook().metadata().isEmpty()) {
            data.put("metadata", job.webhook().metadata());
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("type", event.wire());
        body.put("timestamp", job.finishedAt() != null ? job.finishedAt() : fallbackTime);
        body.put("data", data);
        return Json.write(body);
    }

    private static java.util.Optional<Map<String, Object>> inlineResult(Map<String, Object> result) {
        if (result == null || result.containsKey("s3Keys")) return java.util.Optional.empty();
        return Json.write(result).length() <= MAX_INLINE_RESULT
                ? java.util.Optional.of(result)
                : java.util.Optional.empty();
    }
}
