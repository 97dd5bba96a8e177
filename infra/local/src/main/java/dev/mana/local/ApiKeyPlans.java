package dev.mana.local;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * API keys and their usage plans, read from the emulator's API Gateway where the auth
 * function creates them. Re-read at most every few seconds, as API Gateway itself caches.
 */
final class ApiKeyPlans {
    private static final Duration REFRESH = Duration.ofSeconds(3);

    /** An enabled key on a usage plan. */
    record PlanKey(String keyId, String value, UsagePlan plan) {}

    private final ApiGatewayClient apiGateway;
    private Map<String, PlanKey> byValue = Map.of();
    private long loadedAt;

    ApiKeyPlans(ApiGatewayClient apiGateway) {
        this.apiGateway = apiGateway;
    }

    synchronized Optional<PlanKey> find(String value) {
        if (System.currentTimeMillis() - loadedAt > REFRESH.toMillis()) reload();
        // A key created a moment ago works at once: a miss re-reads (revocation still waits REFRESH).
        if (!byValue.containsKey(value)) reload();
        return Optional.ofNullable(byValue.get(value));
    }

    private void reload() {
        var keys = new HashMap<String, PlanKey>();
        var values = new HashMap<String, String>();
        for (var key :
                apiGateway.getApiKeys(b -> b.includeValues(true).limit(500)).items()) {
            if (Boolean.TRUE.equals(key.enabled())) values.put(key.id(), key.value());
        }
        for (var plan : apiGateway.getUsagePlans(b -> b.limit(500)).items()) {
            for (var member : apiGateway
                    .getUsagePlanKeys(b -> b.usagePlanId(plan.id()).limit(500))
                    .items()) {
                String value = values.get(member.id());
                if (value != null) keys.put(value, new PlanKey(member.id(), value, plan));
            }
        }
        byValue = keys;
        loadedAt = System.currentTimeMillis();
    }

    /** Creates (once) an API key with this value on the named plan: the demo key of MANA_DEMO_KEY. */
    synchronized String ensureKey(String value, String planName) {
        reload();
        PlanKey existing = byValue.get(value);
        if (existing != null) return existing.keyId();
        var plan = apiGateway.getUsagePlans(b -> b.limit(500)).items().stream()
                .filter(p -> p.name().equals(planName))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No usage plan " + planName));
        String id = apiGateway
                .createApiKey(b -> b.name("demo").value(value).enabled(true))
                .id();
        apiGateway.createUsagePlanKey(b -> b.usagePlanId(plan.id()).keyId(id).keyType("API_KEY"));
        reload();
        return id;
    }
}
