package dev.mana.search.internal;

import dev.mana.search.EngineReport;
import dev.mana.search.EngineStatus;
import dev.mana.search.engine.EngineHit;
import java.util.List;

/** What one engine did in one search: its hits when it answered, otherwise why not. */
public record EngineRun(String engine, EngineStatus status, List<EngineHit> hits, long latencyMs, String error) {

    public EngineRun {
        hits = List.copyOf(hits);
    }

    public static EngineRun ok(String engine, List<EngineHit> hits, long latencyMs) {
        return new EngineRun(engine, EngineStatus.OK, hits, latencyMs, null);
    }

    public static EngineRun failed(String engine, EngineStatus status, long latencyMs, String error) {
        return new EngineRun(engine, status, List.of(), latencyMs, error);
    }

    public EngineReport report() {
        return new EngineReport(status, latencyMs, hits.size(), error);
    }
}
