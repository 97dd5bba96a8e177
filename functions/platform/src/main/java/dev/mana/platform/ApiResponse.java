package dev.mana.platform;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/** What a handler answers: status, headers and a body that is text or base64-encoded bytes. */
public record ApiResponse(int status, Map<String, String> headers, String body, boolean base64) {

    public static final String JSON = "application/json";
    public static final String PROBLEM_JSON = "application/problem+json";

    public ApiResponse {
        headers = Map.copyOf(headers);
    }

    public static ApiResponse json(int status, Object value) {
        return new ApiResponse(status, Map.of("Content-Type", JSON), Json.write(value), false);
    }

    public static ApiResponse ok(Object value) {
        return json(200, value);
    }

    public static ApiResponse noContent() {
        return new ApiResponse(204, Map.of(), "", false);
    }

    public static ApiResponse binary(int status, String contentType, byte[] bytes) {
        return new ApiResponse(
                status, Map.of("Content-Type", contentType), Base64.getEncoder().encodeToString(bytes), true);
    }

    public ApiResponse withHeader(String name, String value) {
        var merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ApiResponse(status, merged, body, base64);
    }

    public byte[] bodyBytes() {
        return base64 ? Base64.getDecoder().decode(body) : body.getBytes(StandardCharsets.UTF_8);
    }
}
