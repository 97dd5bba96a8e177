package dev.mana.auth.keys;

import dev.mana.platform.Log;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;

/**
 * API keys in API Gateway: the value is the customer's secret (the authorizer returns it as
 * {@code usageIdentifierKey}), attached to the tier's usage plan, which enforces rate, burst
 * and daily quota per key. API Gateway holds at most 10,000 keys per account and Region.
 */
public final class GatewayKeys {
    private final ApiGatewayClient apiGateway;
    /** Usage plan ids by name: a plan keeps its id for the stack's life, so one lookup each. */
    private final ConcurrentHashMap<String, String> planIds = new ConcurrentHashMap<>();

    public GatewayKeys(ApiGatewayClient apiGateway) {
        this.apiGateway = apiGateway;
    }

    /**
     * Creates the key on the plan of that name; its API Gateway id. Nothing is left behind if
     * attaching fails.
     */
    public String create(String keyId, String secret, String usagePlanName) {
        String usagePlanId = planIds.computeIfAbsent(usagePlanName, this::findPlanId);
        String id = apiGateway
                .createApiKey(b -> b.name(keyId).value(secret).enabled(true))
                .id();
        try {
            apiGateway.createUsagePlanKey(
                    b -> b.usagePlanId(usagePlanId).keyId(id).keyType("API_KEY"));
        } catch (RuntimeException e) {
            delete(id);
            throw e;
        }
        return id;
    }

    /**
     * Looked up on first use, not at init: with SnapStart the init runs when a version is
     * published, which CloudFormation may do before it has created the plans.
     */
    private String findPlanId(String name) {
        return apiGateway.getUsagePlansPaginator(b -> b.limit(500)).items().stream()
                .filter(plan -> name.equals(plan.name()))
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("No API Gateway usage plan named " + name))
                .id();
    }

    /** Deletes the key; a key already gone is fine. Failures are logged, never thrown. */
    public void delete(String gatewayKeyId) {
        if (gatewayKeyId == null) return;
        try {
            apiGateway.deleteApiKey(b -> b.apiKey(gatewayKeyId));
        } catch (NotFoundException gone) {
            // deleted before
        } catch (RuntimeException e) {
            // DynamoDB already refuses the key; an orphan here holds no power (its value is
            // useless without the authorizer's Allow) but counts against the 10,000-key quota.
            Log.error("could not delete API Gateway key", e, "gatewayKeyId", gatewayKeyId);
        }
    }
}
