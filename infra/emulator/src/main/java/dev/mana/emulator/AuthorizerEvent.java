package dev.mana.emulator;

import dev.mana.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The event API Gateway sends a REQUEST authorizer, and how the local runtime reads its
 * answer: Allow with context and usage key, Deny, or the "Unauthorized" error (401).
 */
public final class AuthorizerEvent {
    private AuthorizerEvent() {}

    public static byte[] of(
            String method, String resource, String path, Map<String, String> headers, Map<String, String> query) {
        var event = new LinkedHashMap<String, Object>();
        event.put("type", "REQUEST");
        event.put(
                "methodArn",
                "arn:aws:execute-api:us-east-1:" + EmulatedStack.ACCOUNT_ID + ":local/v1/" + method + resource);
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("headers", headers);
        var multi = new LinkedHashMap<String, List<String>>();
        headers.forEach((k, v) -> multi.put(k, List.of(v)));
        event.put("multiValueHeaders", multi);
        event.put("queryStringParameters", query);
        event.put("pathParameters", Map.of());
        event.put("stageVariables", Map.of());
        event.put(
                "requestContext",
                Map.of(
                        "resourcePath",
                        resource,
                        "httpMethod",
                        method,
                        "path",
                        "/v1" + path,
                        "stage",
                        "v1",
                        "accountId",
                        EmulatedStack.ACCOUNT_ID));
        return Json.write(event).getBytes(StandardCharsets.UTF_8);
    }

    /** An authorizer's decision. {@code context} and {@code usageIdentifierKey} only on Allow. */
    public record Decision(boolean allowed, Map<String, String> context, String usageIdentifierKey) {

        public static Decision parse(byte[] output) {
            try {
                var node = Json.mapper().readTree(output);
                String effect = node.path("policyDocument")
                        .path("Statement")
                        .path(0)
                        .path("Effect")
                        .asText("Deny");
                var context = new LinkedHashMap<String, String>();
                node.path("context")
                        .properties()
                        .forEach(e -> context.put(e.getKey(), e.getValue().asText()));
                String usage = node.path("usageIdentifierKey").isTextual()
                        ? node.path("usageIdentifierKey").asText()
                        : null;
                return new Decision("Allow".equals(effect), context, usage);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
