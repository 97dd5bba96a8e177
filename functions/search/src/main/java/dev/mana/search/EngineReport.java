package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonInclude;

/** One engine's part in one search: {@code {status, latencyMs, count, error?}}. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record EngineReport(EngineStatus status, long latencyMs, int count, String error) {

    public static EngineReport ok(long latencyMs, int count) {
        return new EngineReport(EngineStatus.OK, latencyMs, count, null);
    }

    public static EngineReport skipped(String why) {
        return new EngineReport(EngineStatus.SKIPPED, 0, 0, why);
    }
}
