package dev.mana.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.time.Instant;

/**
 * One delivery attempt as {@link DeliveryLog} keeps it and {@code GET /v1/jobs/{id}/deliveries}
 * shows it.
 *
 * @param messageId the {@code webhook-id} sent: the same for every attempt of one event
 * @param statusCode the receiver's HTTP status; null when none came
 * @param error why it failed, a short code: {@code http_status}, {@code redirect}, {@code timeout},
 *     {@code connection}, {@code tls}, {@code blocked_address}, {@code invalid_url}, ...; null when
 *     delivered
 * @param latencyMs from sending to the answer (or the failure)
 */
public record DeliveryAttempt(
        String jobId,
        String messageId,
        WebhookEvent event,
        String url,
        int attempt,
        Result result,
        Integer statusCode,
        String error,
        long latencyMs,
        Instant at) {

    /** The closed set of results of one attempt. */
    public enum Result {
        @JsonProperty("delivered")
        DELIVERED,
        @JsonProperty("failed")
        FAILED,
        /** The URL was not sent to at all (invalid, or not a public address). */
        @JsonProperty("refused")
        REFUSED
    }
}
