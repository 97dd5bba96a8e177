package dev.mana.local;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.mana.emulator.AuthorizerEvent;
import dev.mana.emulator.OpenApi;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.PathTemplate;
import dev.mana.platform.Problems;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;

/**
 * API Gateway on loopback: routes from infra/openapi.yaml, API-key checks with usage-plan
 * throttle and quota, gateway errors as problem+json (as openapi.yaml's gateway responses
 * make them), and each request handed to its function as a real proxy event.
 */
final class LocalGateway implements AutoCloseable {
    /** API Gateway's payload limit. */
    static final int MAX_BODY_BYTES = 10 * 1024 * 1024;

    private record Entry(OpenApi.Operation operation, PathTemplate template) {}

    private final List<Entry> routes;
    private final Map<String, String> authorizers;
    private final LocalFunctions functions;
    private final ApiKeyPlans keys;
    private final UsagePlanLimiter limiter = new UsagePlanLimiter();
    private final HttpServer server;

    LocalGateway(
            List<OpenApi.Operation> operations,
            Map<String, String> authorizers,
            LocalFunctions functions,
            ApiKeyPlans keys,
            int port)
            throws IOException {
        this.authorizers = authorizers;
        this.routes = operations.stream()
                .map(o -> new Entry(o, PathTemplate.parse(o.path())))
                .toList();
        this.functions = functions;
        this.keys = keys;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 64);
        server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    int port() {
        return server.getAddress().getPort();
    }

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = UUID.randomUUID().toString();
        String path = exchange.getRequestURI().getRawPath();
        try (exchange) {
            ProxyResponse response;
            try {
                response = route(exchange, requestId, path);
            } catch (ApiException e) {
                response = toProxy(Problems.render(e, requestId, path).withHeader("X-Request-Id", requestId));
            } catch (Exception e) {
                Log.error("local gateway failure", e, "path", path);
                response = toProxy(Problems.internal(requestId, path).withHeader("X-Request-Id", requestId));
            }
            response.headers()
                    .forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] body = response.body();
            exchange.sendResponseHeaders(response.status(), body.length == 0 ? -1 : body.length);
            if (body.length > 0) exchange.getResponseBody().write(body);
        }
    }

    private ProxyResponse route(HttpExchange exchange, String requestId, String rawPath) throws Exception {
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        String path = URLDecoder.decode(rawPath.replace("+", "%2B"), StandardCharsets.UTF_8);
        Entry entry = null;
        Map<String, String> parameters = null;
        for (Entry candidate : routes) {
            Map<String, String> bound = candidate.template().match(path);
            if (bound != null && candidate.operation().method().equals(method)) {
                entry = candidate;
                parameters = bound;
                break;
            }
        }
        if (entry == null) {
            // API Gateway answers an unknown method or path alike (MISSING_AUTHENTICATION_TOKEN -> 404).
            throw new ApiException(ErrorCode.ROUTE_NOT_FOUND, "No route matches " + method + " " + path + ".");
        }
        byte[] body = readBody(exchange.getRequestBody());
        var event = ProxyEvent.request(method, path)
                .resource(entry.operation().path(), parameters.isEmpty() ? null : parameters);
        event.requestId(requestId)
                .sourceIp(exchange.getRemoteAddress().getAddress().getHostAddress());
        exchange.getRequestHeaders().forEach((name, values) -> event.header(name, String.join(",", values)));
        query(exchange.getRequestURI().getRawQuery()).forEach(event::query);
        String usageKey = exchange.getRequestHeaders().getFirst("x-api-key");
        if (entry.operation().authorizer() != null) {
            var decision = authorize(entry.operation(), method, path, event);
            var context = decision.context();
            event.caller(context.get("accountId"), context.get("keyId"), context.get("tier"));
            // apiKeySource AUTHORIZER: the usage plan is the one of the key the authorizer names.
            usageKey = decision.usageIdentifierKey();
        }
        if (entry.operation().apiKeyRequired()) admit(usageKey);
        if (body.length > 0) {
            String type = exchange.getRequestHeaders().getFirst("Content-Type");
            if (isText(type)) event.json(new String(body, StandardCharsets.UTF_8));
            else event.body(body, type == null ? "application/octet-stream" : type);
        }
        return ProxyResponse.parse(functions.get(entry.operation().function()).invoke(event.toJson()));
    }

    private AuthorizerEvent.Decision authorize(
            OpenApi.Operation operation, String method, String path, ProxyEvent event) throws Exception {
        String function = authorizers.get(operation.authorizer());
        if (function == null)
            throw new IllegalStateException("No authorizer " + operation.authorizer() + " in openapi.yaml");
        Map<String, Object> proxy = event.toMap();
        @SuppressWarnings("unchecked")
        var headers = (Map<String, String>) proxy.get("headers");
        @SuppressWarnings("unchecked")
        var query = (Map<String, String>) proxy.get("queryStringParameters");
        byte[] output;
        try {
            output = functions
                    .get(function)
                    .invoke(AuthorizerEvent.of(
                            method, operation.path(), path, headers == null ? Map.of() : headers, query));
        } catch (Exception e) {
            if (mentionsUnauthorized(e)) {
                throw new ApiException(ErrorCode.UNAUTHENTICATED, "Send an API key in x-api-key or a Bearer token.");
            }
            throw e;
        }
        var decision = AuthorizerEvent.Decision.parse(output);
        if (!decision.allowed()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "The API key or token is invalid, revoked or expired.");
        }
        return decision;
    }

    private static boolean mentionsUnauthorized(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ("Unauthorized".equals(t.getMessage())) return true;
        }
        return false;
    }

    private void admit(String apiKey) {
        if (apiKey == null || apiKey.isBlank()) {
            throw new ApiException(ErrorCode.FORBIDDEN, "Send your API key in the x-api-key header.");
        }
        var key = keys.find(apiKey)
                .orElseThrow(
                        () -> new ApiException(ErrorCode.FORBIDDEN, "The API key is invalid, revoked or expired."));
        limiter.admit(key.keyId(), key.plan());
    }

    private static boolean isText(String contentType) {
        if (contentType == null) return true;
        String type = contentType.toLowerCase(Locale.ROOT);
        return type.contains("json") || type.startsWith("text/") || type.contains("x-www-form-urlencoded");
    }

    private static byte[] readBody(InputStream in) throws IOException {
        byte[] body = in.readNBytes(MAX_BODY_BYTES + 1);
        if (body.length > MAX_BODY_BYTES) {
            throw new ApiException(
                    ErrorCode.PAYLOAD_TOO_LARGE,
                    "API Gateway accepts bodies up to 10 MB; upload larger files with POST /v1/uploads.");
        }
        return body;
    }

    private static Map<String, String> query(String raw) {
        var result = new java.util.LinkedHashMap<String, String>();
        if (raw == null || raw.isEmpty()) return result;
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            result.putIfAbsent(
                    URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    private static ProxyResponse toProxy(ApiResponse response) {
        return new ProxyResponse(response.status(), response.headers(), response.bodyBytes());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
