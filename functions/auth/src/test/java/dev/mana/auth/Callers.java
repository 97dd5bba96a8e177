package dev.mana.auth;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.platform.credits.CreditLedger;
import java.util.Map;

/** Requests as the authorizer passes them on: with an account, key and tier in the context. */
public final class Callers {
    private Callers() {}

    public static ProxyEvent as(String accountId, String method, String path) {
        return ProxyEvent.request(method, path).caller(accountId, null, "free");
    }

    public static ProxyEvent revoke(String accountId, String keyId) {
        return ProxyEvent.request("DELETE", "/v1/keys/" + keyId)
                .resource("/v1/keys/{id}", Map.of("id", keyId))
                .caller(accountId, null, "free");
    }

    public static CreditLedger ledger(EmulatedStack stack) {
        return new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
    }

    /** Deletes the API Gateway keys on this stack's usage plans, so the emulator does not fill up. */
    public static void deleteGatewayKeys(EmulatedStack stack) {
        var apiGateway = stack.clients().apiGateway();
        for (String plan : new String[] {"FreeUsagePlan", "ProUsagePlan", "EnterpriseUsagePlan"}) {
            for (var key : apiGateway
                    .getUsagePlanKeys(b -> b.usagePlanId(stack.ref(plan)).limit(500))
                    .items()) {
                try {
                    apiGateway.deleteApiKey(b -> b.apiKey(key.id()));
                } catch (software.amazon.awssdk.services.apigateway.model.NotFoundException gone) {
                    // deleted by a revoke (moto keeps a deleted key's plan membership)
                }
            }
        }
    }

    /**
     * The ids of the existing API Gateway keys on a plan (moto, unlike API Gateway, keeps a
     * deleted key's plan membership, so each is checked).
     */
    public static java.util.List<String> gatewayKeysOn(EmulatedStack stack, String plan) {
        var apiGateway = stack.clients().apiGateway();
        var existing = new java.util.HashSet<String>();
        apiGateway.getApiKeys(b -> b.limit(500)).items().forEach(k -> existing.add(k.id()));
        return apiGateway.getUsagePlanKeys(b -> b.usagePlanId(stack.ref(plan)).limit(500)).items().stream()
                .map(k -> k.id())
                .filter(existing::contains)
                .toList();
    }
}
