package dev.mana.search.internal;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Locale;

/**
 * Stops asking an engine that keeps failing. Closed: every search asks it. After
 * {@code failureThreshold} consecutive failures (errors or timeouts) it opens: searches skip it
 * for {@code coolDown}, sparing users its timeout. Then one search probes it (half-open): a
 * success closes the circuit, a failure opens it for another cool-down.
 */
public final class CircuitBreaker {

    public enum State {
        CLOSED,
        OPEN,
        HALF_OPEN;

        public String wireName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private final int failureThreshold;
    private final Duration coolDown;
    private final InstantSource clock;

    private State state = State.CLOSED;
    private int consecutiveFailures;
    private Instant openedAt;
    private boolean probing;

    public CircuitBreaker(int failureThreshold, Duration coolDown, InstantSource clock) {
        this.failureThreshold = failureThreshold;
        this.coolDown = coolDown;
        this.clock = clock;
    }

    /** Whether this search may ask the engine; in half-open state only one search at a time may. */
    public synchronized boolean tryAcquire() {
        switch (state) {
            case CLOSED -> {
                return true;
            }
            case OPEN -> {
                if (clock.instant().isBefore(openedAt.plus(coolDown))) {
                    return false;
                }
                state = State.HALF_OPEN;
                probing = true;
                return true;
            }
            default -> {
                if (probing) {
                    return false;
                }
                probing = true;
                return true;
            }
        }
    }

    public synchronized void onSuccess() {
        consecutiveFailures = 0;
        probing = false;
        state = State.CLOSED;
    }

    public synchronized void onFailure() {
        consecutiveFailures++;
        probing = false;
        if (state == State.HALF_OPEN || consecutiveFailures >= failureThreshold) {
            state = State.OPEN;
            openedAt = clock.instant();
        }
    }

    public synchronized State state() {
        return state;
    }

    public synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    /** When an open circuit lets a probe through; null unless open. */
    public synchronized Instant retryAt() {
        return state == State.OPEN ? openedAt.plus(coolDown) : null;
    }
}
