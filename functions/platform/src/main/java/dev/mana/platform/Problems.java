package dev.mana.platform;

import java.util.LinkedHashMap;

/** Renders an {@link ApiException} as RFC 9457 application/problem+json: the one place that does. */
public final class Problems {
    private Problems() {}

    public static ApiResponse render(ApiException error, String requestId, String instance) {
        ErrorCode code = error.errorCode();
        var body = new LinkedHashMap<String, Object>();
        body.put("type", code.type());
        body.put("title", code.title());
        body.put("status", code.status());
        body.put("detail", error.getMessage());
        body.put("code", code.code());
        body.put("requestId", requestId);
        if (instance != null) body.put("instance", instance);
        error.extensions().forEach(body::putIfAbsent);
        var response = new ApiResponse(
                code.status(), java.util.Map.of("Content-Type", ApiResponse.PROBLEM_JSON), Json.write(body), false);
        for (var header : error.headers().entrySet()) {
            response = response.withHeader(header.getKey(), header.getValue());
        }
        return response;
    }

    /** A 500 that says nothing of the internals; the cause goes to the log under the same requestId. */
    public static ApiResponse internal(String requestId, String instance) {
        return render(
                new ApiException(
                        ErrorCode.INTERNAL,
                        "An unexpected error occurred. If it persists, contact support and quote the requestId."),
                requestId,
                instance);
    }
}
