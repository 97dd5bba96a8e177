package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.CloudFormationYaml;
import dev.mana.emulator.RepoPaths;
import dev.mana.platform.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** API Gateway's own answers (openapi.yaml's x-amazon-apigateway-gateway-responses) say their real status. */
class GatewayResponsesIT {
    /** API Gateway's default status of each response type (its developer guide's table). */
    private static final Map<String, Integer> DEFAULT_STATUS = Map.ofEntries(
            Map.entry("ACCESS_DENIED", 403),
            Map.entry("API_CONFIGURATION_ERROR", 500),
            Map.entry("AUTHORIZER_CONFIGURATION_ERROR", 500),
            Map.entry("AUTHORIZER_FAILURE", 500),
            Map.entry("BAD_REQUEST_PARAMETERS", 400),
            Map.entry("BAD_REQUEST_BODY", 400),
            Map.entry("EXPIRED_TOKEN", 403),
            Map.entry("INTEGRATION_FAILURE", 504),
            Map.entry("INTEGRATION_TIMEOUT", 504),
            Map.entry("INVALID_API_KEY", 403),
            Map.entry("INVALID_SIGNATURE", 403),
            Map.entry("MISSING_AUTHENTICATION_TOKEN", 403),
            Map.entry("QUOTA_EXCEEDED", 429),
            Map.entry("REQUEST_TOO_LARGE", 413),
            Map.entry("RESOURCE_NOT_FOUND", 404),
            Map.entry("THROTTLED", 429),
            Map.entry("UNAUTHORIZED", 401),
            Map.entry("UNSUPPORTED_MEDIA_TYPE", 415),
            Map.entry("WAF_FILTERED", 403));

    @Test
    @SuppressWarnings("unchecked")
    void everyGatewayResponse_isProblemJson_withTheStatusItIsSentWith() throws Exception {
        Map<String, Object> responses = (Map<String, Object>)
                CloudFormationYaml.read(RepoPaths.openApi()).get("x-amazon-apigateway-gateway-responses");
        assertThat(responses)
                .containsKeys("DEFAULT_4XX", "DEFAULT_5XX", "UNSUPPORTED_MEDIA_TYPE", "RESOURCE_NOT_FOUND");
        for (var entry : responses.entrySet()) {
            var response = (Map<String, Object>) entry.getValue();
            String template =
                    String.valueOf(((Map<String, Object>) response.get("responseTemplates")).get("application/json"));
            // What API Gateway substitutes: messageString is a quoted JSON string, the rest plain text.
            var body = Json.mapper()
                    .readTree(template.replace("$context.error.messageString", "\"a message\"")
                            .replaceAll("\\$context\\.[A-Za-z.]+", "x"));
            assertThat(((Map<String, Object>) response.get("responseParameters")))
                    .as(entry.getKey())
                    .containsEntry("gatewayresponse.header.Content-Type", "'application/problem+json'");
            if (entry.getKey().startsWith("DEFAULT_")) {
                // The fallbacks serve many statuses; stating one would be wrong for the others.
                assertThat(body.has("status")).as(entry.getKey()).isFalse();
                continue;
            }
            Object statusCode = response.get("statusCode");
            int sent = statusCode != null
                    ? Integer.parseInt(String.valueOf(statusCode))
                    : DEFAULT_STATUS.get(entry.getKey());
            assertThat(body.path("status").asInt()).as(entry.getKey()).isEqualTo(sent);
        }
    }
}
