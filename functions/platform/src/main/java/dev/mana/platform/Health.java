package dev.mana.platform;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * {@code GET /health}: the service's status and each dependency's, checked in parallel with a
 * short deadline. 200 when every dependency answers, 503 otherwise, so a load balancer or a
 * person can tell which part is down.
 */
public final class Health {
    private static final Duration DEADLINE = Duration.ofSeconds(3);

    /** One dependency check: returns normally when the dependency answers. */
    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    public record DependencyStatus(String status, long latencyMs, String error) {}

    public record Report(String status, String service, String version, Map<String, DependencyStatus> dependencies) {}

    private Health() {}

    public static Route route(String service, Map<String, Check> checks) {
        return Route.get("/health", request -> {
            Report report = check(service, checks);
            return ApiResponse.json(report.status().equals("ok") ? 200 : 503, report)
                    .withHeader("Cache-Control", "no-store");
        });
    }

    public static Report check(String service, Map<String, Check> checks) {
        var futures = new LinkedHashMap<String, CompletableFuture<DependencyStatus>>();
        checks.forEach((name, check) -> futures.put(name, CompletableFuture.supplyAsync(() -> timed(check))));
        var results = new LinkedHashMap<String, DependencyStatus>();
        boolean healthy = true;
        for (var entry : futures.entrySet()) {
            DependencyStatus status;
            try {
                status = entry.getValue().get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            } catch (Exception e) {
                status = new DependencyStatus(
                        "down", DEADLINE.toMillis(), "no answer within " + DEADLINE.toSeconds() + " s");
            }
            healthy &= status.status().equals("ok");
            results.put(entry.getKey(), status);
        }
        String version = Health.class.getPackage().getImplementationVersion();
        return new Report(healthy ? "ok" : "degraded", service, version == null ? "dev" : version, results);
    }

    private static DependencyStatus timed(Check check) {
        long started = System.nanoTime();
        try {
            check.run();
            return new DependencyStatus("ok", (System.nanoTime() - started) / 1_000_000, null);
        } catch (Exception e) {
            Log.warn(
                    "health check failed",
                    "error",
                    e.getClass().getSimpleName(),
                    "detail",
                    String.valueOf(e.getMessage()));
            // The class of failure only: messages can hold endpoints or account ids.
            return new DependencyStatus(
                    "down",
                    (System.nanoTime() - started) / 1_000_000,
                    e.getClass().getSimpleName());
        }
    }
}
