package dev.mana.emulator;

import java.util.Map;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.QuotaPeriodType;

/**
 * Creates an AWS::ApiGateway::UsagePlan (throttle and quota) in the emulator's API Gateway,
 * where API keys are attached to it. Reuses a plan of the same name.
 */
final class StackUsagePlans {
    private StackUsagePlans() {}

    static String create(
            ApiGatewayClient apiGateway, String name, Map<String, Object> properties, Intrinsics intrinsics) {
        for (var plan : apiGateway.getUsagePlans(b -> b.limit(500)).items()) {
            if (name.equals(plan.name())) return plan.id();
        }
        Map<String, Object> throttle = Template.map(properties.get("Throttle"));
        Map<String, Object> quota = Template.map(properties.get("Quota"));
        return apiGateway
                .createUsagePlan(b -> b.name(name)
                        .description(String.valueOf(properties.getOrDefault("Description", name)))
                        .throttle(t -> t.rateLimit(Double.parseDouble(intrinsics.text(throttle.get("RateLimit"))))
                                .burstLimit(Integer.parseInt(intrinsics.text(throttle.get("BurstLimit")))))
                        .quota(q -> q.limit(Integer.parseInt(intrinsics.text(quota.get("Limit"))))
                                .period(QuotaPeriodType.fromValue(intrinsics.text(quota.get("Period"))))))
                .id();
    }

    static void delete(ApiGatewayClient apiGateway, String id) {
        try {
            apiGateway.deleteUsagePlan(b -> b.usagePlanId(id));
        } catch (NotFoundException gone) {
            // already deleted
        }
    }
}
