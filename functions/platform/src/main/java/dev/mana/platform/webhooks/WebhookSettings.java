package dev.mana.platform.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * How {@link WebhookDelivery} behaves; {@link #DEFAULTS} suits production.
 *
 * @param retryDelays the wait before each attempt after the first: 30 s, 2 min, 10 min, 30 min,
 *     1 h, so 6 attempts over about 1 h 43 min
 * @param timeout one attempt, connection and answer included (10 s)
 * @param userAgent sent with every delivery
 * @param clock the time of signatures, payloads and retries
 */
public record WebhookSettings(List<Duration> retryDelays, Duration timeout, String userAgent, Clock clock) {
    public static final WebhookSettings DEFAULTS = new WebhookSettings(
            List.of(
                    Duration.ofSeconds(30),
                    Duration.ofMinutes(2),
                    Duration.ofMinutes(10),
                    Duration.ofMinutes(30),
                    Duration.ofHours(1)),
            Duration.ofSeconds(10),
            "Mana-Webhooks/1.0",
            Clock.systemUTC());

    public WebhookSettings {
        retryDelays = List.copyOf(retryDelays);
        Objects.requireNonNull(userAgent, "userAgent");
        Objects.requireNonNull(clock, "clock");
        if (timeout.isNegative() || timeout.isZero()) throw new IllegalArgumentException("timeout must be positive");
        if (retryDelays.stream().anyMatch(Duration::isNegative)) {
            throw new IllegalArgumentException("retry delays must not be negative");
        }
    }

    /** Attempts in all, the first included. */
    public int attempts() {
        return retryDelays.size() + 1;
    }

    public WebhookSettings withClock(Clock other) {
        return new WebhookSettings(retryDelays, timeout, userAgent, other);
    }

    public WebhookSettings withTimeout(Duration other) {
        return new WebhookSettings(retryDelays, other, userAgent, clock);
    }
}
