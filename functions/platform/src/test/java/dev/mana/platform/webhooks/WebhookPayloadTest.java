package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStatus;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class WebhookPayloadTest {
    private static final Instant CREATED = Instant.parse("2025-01-01T00:00:00Z");
    private static final Instant FINISHED = Instant.parse("2025-01-01T00:05:00Z");

    private static Job job(JobStatus status, Map<String, Object> result, Map<String, Object> error) {
        return new Job(
                "job_01",
                "acct_1",
                "extract-batch",
                status,
                Job.Progress.of(3, 3, 1),
                Map.of("urls", 3),
                result,
                error,
                new Job.Credits(3, 2, 1),
                "hld_1",
                new Job.Webhook("https://example.com/hook", List.of(), Map.of("order", "42")),
                CREATED,
                CREATED,
                FINISHED,
                FINISHED.plusSeconds(86_400),
                false,
                1);
    }

    private static JsonNode read(String json) throws Exception {
        return Json.mapper().readTree(json);
    }

    @Test
    void succeeded_carriesTypeTimestampAndTheJobSummary() throws Exception {
        var body = read(WebhookPayload.of(
                job(JobStatus.SUCCEEDED, Map.of("extracted", 2), null), WebhookEvent.JOB_SUCCEEDED, Instant.EPOCH));

        assertThat(body.get("type").asText()).isEqualTo("job.succeeded");
        assertThat(body.get("timestamp").asText()).isEqualTo("2025-01-01T00:05:00Z");
        var data = body.get("data");
        assertThat(data.get("id").asText()).isEqualTo("job_01");
        assertThat(data.get("kind").asText()).isEqualTo("extract-batch");
        assertThat(data.get("status").asText()).isEqualTo("succeeded");
        assertThat(data.get("progress").get("failed").asLong()).isEqualTo(1);
        assertThat(data.get("result").get("extracted").asInt()).isEqualTo(2);
        assertThat(data.get("credits").get("charged").asLong()).isEqualTo(2);
        assertThat(data.get("metadata").get("order").asText()).isEqualTo("42");
        assertThat(data.has("error")).isFalse();
        assertThat(data.has("input")).isFalse();
    }

    @Test
    void failed_carriesTheProblem() throws Exception {
        var problem = Map.<String, Object>of("code", "upstream_failed", "status", 502);
        var data = read(WebhookPayload.of(job(JobStatus.FAILED, null, problem), WebhookEvent.JOB_FAILED, Instant.EPOCH))
                .get("data");

        assertThat(data.get("error").get("code").asText()).isEqualTo("upstream_failed");
        assertThat(data.has("result")).isFalse();
    }

    @Test
    void resultsKeptInS3OrTooLarge_areLeftOut() throws Exception {
        var inS3 = job(JobStatus.SUCCEEDED, Map.of("s3Keys", List.of("jobs/1")), null);
        var large = job(JobStatus.SUCCEEDED, Map.of("text", "x".repeat(WebhookPayload.MAX_INLINE_RESULT)), null);

        assertThat(read(WebhookPayload.of(inS3, WebhookEvent.JOB_SUCCEEDED, Instant.EPOCH))
                        .get("data")
                        .has("result"))
                .isFalse();
        assertThat(read(WebhookPayload.of(large, WebhookEvent.JOB_SUCCEEDED, Instant.EPOCH))
                        .get("data")
                        .has("result"))
                .isFalse();
    }

    @Test
    void everyAttempt_sendsTheSameBytes() {
        var ended = job(JobStatus.CANCELED, null, null);

        assertThat(WebhookPayload.of(ended, WebhookEvent.JOB_CANCELED, Instant.EPOCH))
                .isEqualTo(WebhookPayload.of(ended, WebhookEvent.JOB_CANCELED, Instant.now()));
    }
}
