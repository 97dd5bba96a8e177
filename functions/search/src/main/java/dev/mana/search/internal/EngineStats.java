package dev.mana.search.internal;

import dev.mana.search.EngineHealth;
import dev.mana.search.EngineStatus;
import java.time.Instant;

/** Counts one engine's outcomes in this container, for {@code GET /v1/search/engines}. */
public final class EngineStats {

    private long successes;
    private long failures;
    private long timeouts;
    private EngineStatus lastStatus;
    private Long lastLatencyMs;
    private String lastError;
    private Instant lastCheckedAt;

    public synchronized void record(EngineRun run, Instant at) {
        switch (run.status()) {
            case OK -> successes++;
            case TIMEOUT -> timeouts++;
            case ERROR -> failures++;
            case SKIPPED -> {
                return; // not asked: says nothing about its health
            }
        }
        lastStatus = run.status();
        lastLatencyMs = run.latencyMs();
        lastError = run.error();
        lastCheckedAt = at;
    }

    public synchronized EngineHealth.Health snapshot(CircuitBreaker breaker) {
        return new EngineHealth.Health(
                breaker.state().wireName(),
                lastStatus,
                lastLatencyMs,
                successes,
                failures,
                timeouts,
                breaker.consecutiveFailures(),
                lastError,
                lastCheckedAt == null ? null : lastCheckedAt.toString());
    }
}
