package dev.mana.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.mana.platform.jobs.JobStatus;
import java.util.Optional;

/** What a delivery announces: a job's end. The wire names are what {@code webhook.events[]} lists. */
public enum WebhookEvent {
    @JsonProperty("job.succeeded")
    JOB_SUCCEEDED("job.succeeded"),
    @JsonProperty("job.failed")
    JOB_FAILED("job.failed"),
    @JsonProperty("job.canceled")
    JOB_CANCELED("job.canceled");

    private final String wire;

    WebhookEvent(String wire) {
        this.wire = wire;
    }

    /** {@code job.succeeded}, ...: the payload's {@code type}. */
    public String wire() {
        return wire;
    }

    /** The event a job that ended in {@code status} sends; empty while it has not ended. */
    public static Optional<WebhookEvent> ofStatus(JobStatus status) {
        return switch (status) {
            case SUCCEEDED -> Optional.of(JOB_SUCCEEDED);
            case FAILED -> Optional.of(JOB_FAILED);
            case CANCELED -> Optional.of(JOB_CANCELED);
            case QUEUED, RUNNING -> Optional.empty();
        };
    }

    /** Parses a wire name (for validating {@code webhook.events[]}); empty for an unknown one. */
    public static Optional<WebhookEvent> fromWire(String value) {
        for (WebhookEvent event : values()) {
            if (event.wire.equals(value)) return Optional.of(event);
        }
        return Optional.empty();
    }
}
