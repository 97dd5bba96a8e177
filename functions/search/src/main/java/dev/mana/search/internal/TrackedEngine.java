package dev.mana.search.internal;

import dev.mana.search.engine.SearchEngine;
import java.time.Instant;

/** An engine with the state kept about it across searches. */
public record TrackedEngine(SearchEngine engine, CircuitBreaker breaker, EngineStats stats) {

    public void record(EngineRun run, Instant at) {
        stats.record(run, at);
        switch (run.status()) {
            case OK -> breaker.onSuccess();
            case ERROR, TIMEOUT -> breaker.onFailure();
            case SKIPPED -> {}
        }
    }
}
