package dev.mana.platform.webhooks;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import dev.mana.platform.Json;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A delivery attempt still to make: the body of the queue message that schedules it. SQS delays a
 * message by at most 15 minutes, so a message received before {@link #dueAt} is sent again with
 * {@link #delaySeconds} until it is {@link #due}; then the job is read again and passed to {@link
 * WebhookDelivery#deliver(dev.mana.platform.jobs.Job, WebhookRetry)}.
 *
 * @param attempt the number of the attempt to make (2 for the first retry)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record WebhookRetry(String jobId, WebhookEvent event, int attempt, Instant dueAt) {
    /** SQS's longest {@code DelaySeconds}. */
    public static final Duration MAX_QUEUE_DELAY = Duration.ofSeconds(900);

    public WebhookRetry {
        Objects.requireNonNull(jobId, "jobId");
        Objects.requireNonNull(event, "event");
        Objects.requireNonNull(dueAt, "dueAt");
        if (attempt < 1) throw new IllegalArgumentException("attempt counts from 1");
    }

    public boolean due(Instant now) {
        return !now.isBefore(dueAt);
    }

    /** The {@code DelaySeconds} to queue it with now: the wait left, rounded up, at most 900. */
    public int delaySeconds(Instant now) {
        long millis = Duration.between(now, dueAt).toMillis();
        if (millis <= 0) return 0;
        return (int) Math.min(MAX_QUEUE_DELAY.toSeconds(), (millis + 999) / 1000);
    }

    public String toJson() {
        return Json.write(this);
    }

    /** @throws IllegalArgumentException for a body that is not a retry */
    public static WebhookRetry fromJson(String json) {
        try {
            return Json.mapper().readValue(json, WebhookRetry.class);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("Not a webhook retry message", e);
        }
    }
}
