package dev.mana.platform.webhooks;

import java.util.Optional;

/**
 * What one call of {@link WebhookDelivery#deliver} came to.
 *
 * @param next the attempt to schedule when {@code status} is {@link Status#WILL_RETRY}, else null
 */
public record DeliveryOutcome(Status status, WebhookRetry next) {

    /** The closed set of outcomes. */
    public enum Status {
        /** A 2xx answered. */
        DELIVERED,
        /** The attempt failed; schedule {@code next}. */
        WILL_RETRY,
        /** The last attempt failed: nothing more is sent. */
        GAVE_UP,
        /** The URL is invalid or not public: never retried. */
        REFUSED,
        /** Nothing to send: no webhook, the event is filtered out, or the job has not ended. */
        SKIPPED
    }

    public DeliveryOutcome {
        if ((status == Status.WILL_RETRY) != (next != null)) {
            throw new IllegalArgumentException("a retry, and only a retry, has a next attempt");
        }
    }

    static DeliveryOutcome of(Status status) {
        return new DeliveryOutcome(status, null);
    }

    public Optional<WebhookRetry> retry() {
        return Optional.ofNullable(next);
    }
}
