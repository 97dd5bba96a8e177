package dev.mana.search;

import java.util.List;

/**
 * One row of {@code GET /v1/search/engines}: what an engine serves, whether it has what it needs
 * to run, and how it has fared in this container since it started.
 */
public record EngineHealth(String name, List<Category> categories, boolean configured, Health health) {

    public EngineHealth {
        categories = List.copyOf(categories);
    }

    /**
     * Recent health. {@code circuit} is closed, open or half_open; counts are since the container
     * started (each Lambda container keeps its own); {@code lastStatus}, {@code lastLatencyMs},
     * {@code lastError} and {@code lastCheckedAt} are null until the engine is first asked.
     */
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Health(
            String circuit,
            EngineStatus lastStatus,
            Long lastLatencyMs,
            long successes,
            long failures,
            long timeouts,
            int consecutiveFailures,
            String lastError,
            String lastCheckedAt) {}
}
