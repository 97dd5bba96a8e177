package dev.mana.platform.credits;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * How a {@link CreditLedger} behaves; {@link #DEFAULTS} suits production.
 *
 * @param idempotencyWindow how long a key is remembered (default 7 days); a key reused after
 *     it is a new request
 * @param maxAttempts attempts of one transaction under contention before a 429 (default 8)
 * @param backoffBase first backoff ceiling, doubled each attempt, with full jitter (10 ms)
 * @param backoffMax the largest backoff ceiling (250 ms)
 * @param clock the time of entries and of key expiry (UTC system clock)
 */
public record LedgerSettings(
        Duration idempotencyWindow, int maxAttempts, Duration backoffBase, Duration backoffMax, Clock clock) {
    public static final LedgerSettings DEFAULTS =
            new LedgerSettings(Duration.ofDays(7), 8, Duration.ofMillis(10), Duration.ofMillis(250), Clock.systemUTC());

    public LedgerSettings {
        Objects.requireNonNull(clock, "clock");
        if (idempotencyWindow.isNegative() || idempotencyWindow.isZero() || maxAttempts < 1) {
            throw new IllegalArgumentException("idempotencyWindow and maxAttempts must be positive");
        }
    }

    public LedgerSettings withClock(Clock other) {
        return new LedgerSettings(idempotencyWindow, maxAttempts, backoffBase, backoffMax, other);
    }

    public LedgerSettings withMaxAttempts(int attempts) {
        return new LedgerSettings(idempotencyWindow, attempts, backoffBase, backoffMax, clock);
    }
}
