package dev.mana.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;

/** A function's proxy response, as API Gateway reads it: status, headers, body. */
public record ProxyResponse(int status, Map<String, String> headers, byte[] body) {

    public static ProxyResponse parse(byte[] output) {
        try {
            JsonNode node = Json.mapper().readTree(output);
            var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
            node.path("headers")
                    .properties()
                    .forEach(e -> headers.put(e.getKey(), e.getValue().asText()));
            node.path("multiValueHeaders").properties().forEach(e -> {
                if (e.getValue().isArray() && !e.getValue().isEmpty()) {
                    headers.putIfAbsent(e.getKey(), e.getValue().get(0).asText());
                }
            });
            String body = node.path("body").isNull() ? "" : node.path("body").asText("");
            byte[] bytes = node.path("isBase64Encoded").asBoolean(false)
                    ? Base64.getDecoder().decode(body)
                    : body.getBytes(StandardCharsets.UTF_8);
            return new ProxyResponse(node.path("statusCode").asInt(), headers, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException("Not a proxy response: " + new String(output, StandardCharsets.UTF_8), e);
        }
    }

    public String text() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public JsonNode json() {
        try {
            return Json.mapper().readTree(body);
        } catch (IOException e) {
            throw new UncheckedIOException("Body is not JSON: " + text(), e);
        }
    }

    public String header(String name) {
        return headers.get(name);
    }
}
