package dev.mana.platform.jobs;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link JobStore} behaves; {@link #DEFAULTS} suits production.
 *
 * @param retention how long a job and its results are kept after creation and again after it
 *     ends (7 days)
 * @param idempotencyWindow how long an {@code Idempotency-Key} returns the same job (7 days)
 * @param clock the time of jobs, leases and expiry
 */
public record JobSettings(Duration retention, Duration idempotencyWindow, Clock clock) {
    public static final JobSettings DEFAULTS =
            new JobSettings(Duration.ofDays(7), Duration.ofDays(7), Clock.systemUTC());

    public JobSettings {
        Objects.requireNonNull(clock, "clock");
        if (retention.isNegative() || retention.isZero() || idempotencyWindow.isNegative()) {
            throw new IllegalArgumentException("retention must be positive");
        }
    }

    public JobSettings withClock(Clock other) {
        return new JobSettings(retention, idempotencyWindow, other);
    }
}
