package dev.mana.platform;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;

/**
 * One API call as a handler sees it: method and path, the matched route's path parameters,
 * query parameters, case-insensitive headers, the raw body (already base64-decoded), the
 * caller from the authorizer, and the request id every log line and problem carries.
 */
public record ApiRequest(
        String method,
        String path,
        Map<String, String> pathParameters,
        Map<String, String> queryParameters,
        Headers headers,
        byte[] body,
        Caller caller,
        String requestId,
        String sourceIp) {

    public ApiRequest {
        pathParameters = pathParameters == null ? Map.of() : Map.copyOf(pathParameters);
        queryParameters = queryParameters == null ? Map.of() : Map.copyOf(queryParameters);
        headers = headers == null ? Headers.of(Map.of()) : headers;
        body = body == null ? new byte[0] : body;
    }

    /** The body read as JSON into {@code type}; bad JSON, wrong types and missing fields are 4xx. */
    public <T> T json(Class<T> type) {
        return Json.read(body, type);
    }

    public String bodyText() {
        return new String(body, StandardCharsets.UTF_8);
    }

    public Optional<String> header(String name) {
        return headers.get(name);
    }

    public Optional<String> query(String name) {
        return Optional.ofNullable(queryParameters.get(name)).filter(v -> !v.isEmpty());
    }

    /** A whole-number query parameter from {@code min} to {@code max}; absent: {@code fallback}; else 400. */
    public int intQuery(String name, int min, int max, int fallback) {
        var text = query(name);
        if (text.isEmpty()) return fallback;
        try {
            int value = Integer.parseInt(text.get());
            if (value >= min && value <= max) return value;
        } catch (NumberFormatException e) {
            // answered below
        }
        throw new ApiException(
                        ErrorCode.INVALID_PARAMETER,
                        "The " + name + " must be a whole number from " + min + " to " + max + ".")
                .with("parameter", name);
    }

    public String pathParameter(String name) {
        String value = pathParameters.get(name);
        if (value == null || value.isBlank()) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The path parameter '" + name + "' is missing.")
                    .with("parameter", name);
        }
        return value;
    }

    /** The authenticated caller; a route that needs one answers 401 when the authorizer gave none. */
    public Caller requireCaller() {
        if (caller == null || caller.accountId() == null) {
            throw new ApiException(ErrorCode.UNAUTHENTICATED, "Send an API key in x-api-key or a Bearer token.");
        }
        return caller;
    }

    /**
     * The caller, signed in with a Bearer access token: routes that manage credentials (keys,
     * webhook secrets) refuse an API key, so a leaked key can never mint keys that outlive its
     * revocation. 401 without a caller, 403 {@code session_required} with an API key.
     */
    public Caller requireSession() {
        Caller caller = requireCaller();
        if (caller.keyId() != null) {
            throw new ApiException(
                    ErrorCode.SESSION_REQUIRED,
                    "Managing keys and webhook secrets needs a signed-in session: log in with"
                            + " POST /v1/auth/login and send the access token as 'Authorization: Bearer ...',"
                            + " not an API key.");
        }
        return caller;
    }
}
