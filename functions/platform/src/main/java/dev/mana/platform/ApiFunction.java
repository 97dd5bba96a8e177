package dev.mana.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;

/**
 * A function's HTTP side: an API Gateway REST proxy event in, a proxy response out. Every
 * answer, error or not, carries {@code X-Request-Id}; every error is problem+json; every call
 * is one log line and one EMF metric.
 */
public final class ApiFunction implements Function<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private final String service;
    private final Router router;

    public ApiFunction(String service, Router router) {
        this.service = service;
        this.router = router;
    }

    public Router router() {
        return router;
    }

    @Override
    public APIGatewayProxyResponseEvent apply(APIGatewayProxyRequestEvent event) {
        long started = System.nanoTime();
        ApiRequest request = toRequest(event);
        // Unmatched paths share one metric dimension, so a scanner cannot explode its cardinality.
        String routeKey = "UNMATCHED";
        ApiResponse response;
        try {
            Log.clearContext();
            Log.putContext("requestId", request.requestId());
            Log.putContext("service", service);
            if (request.caller() != null) {
                Log.putContext("accountId", request.caller().accountId());
                Log.putContext("keyId", request.caller().keyId());
            }
            Router.Match match = router.match(request.method(), request.path());
            routeKey = match.route().key();
            Log.putContext("route", routeKey);
            match.checkBody(request);
            ApiRequest bound = new ApiRequest(
                    request.method(),
                    request.path(),
                    match.pathParameters(),
                    request.queryParameters(),
                    request.headers(),
                    request.body(),
                    request.caller(),
                    request.requestId(),
                    request.sourceIp());
            response = match.route().handler().handle(bound);
        } catch (ApiException e) {
            response = Problems.render(e, request.requestId(), request.path());
        } catch (Exception | StackOverflowError e) {
            Log.error("unhandled exception", e);
            response = Problems.internal(request.requestId(), request.path());
        }
        response = response.withHeader("X-Request-Id", request.requestId());
        double latencyMs = (System.nanoTime() - started) / 1e6;
        Log.info("request", "method", request.method(), "status", response.status(), "latencyMs", latencyMs);
        Metrics.emit(
                Map.of("Service", service, "Route", routeKey),
                List.of(
                        new Metrics.Value("Latency", latencyMs, "Milliseconds"),
                        new Metrics.Value("ServerError", response.status() >= 500 ? 1 : 0, "Count"),
                        new Metrics.Value(
                                "ClientError", response.status() >= 400 && response.status() < 500 ? 1 : 0, "Count")));
        Log.clearContext();
        return toEvent(response);
    }

    static ApiRequest toRequest(APIGatewayProxyRequestEvent event) {
        var context = event.getRequestContext();
        String requestId = context != null && context.getRequestId() != null
                ? context.getRequestId()
                : UUID.randomUUID().toString();
        var headers = new HashMap<String, String>();
        if (event.getMultiValueHeaders() != null) {
            event.getMultiValueHeaders().forEach((name, values) -> {
                if (values != null && !values.isEmpty()) headers.put(name, String.join(",", values));
            });
        }
        if (event.getHeaders() != null) headers.putAll(event.getHeaders());
        byte[] body = event.getBody() == null
                ? new byte[0]
                : Boolean.TRUE.equals(event.getIsBase64Encoded())
                        ? Base64.getMimeDecoder().decode(event.getBody())
                        : event.getBody().getBytes(StandardCharsets.UTF_8);
        return new ApiRequest(
                event.getHttpMethod() == null ? "GET" : event.getHttpMethod(),
                event.getPath() == null ? "/" : event.getPath(),
                event.getPathParameters(),
                event.getQueryStringParameters(),
                Headers.of(headers),
                body,
                caller(context),
                requestId,
                context != null && context.getIdentity() != null
                        ? context.getIdentity().getSourceIp()
                        : null);
    }

    private static Caller caller(APIGatewayProxyRequestEvent.ProxyRequestContext context) {
        if (context == null || context.getAuthorizer() == null) return null;
        Map<String, Object> authorizer = context.getAuthorizer();
        Object account = authorizer.get("accountId");
        if (account == null) return null;
        return new Caller(String.valueOf(account), text(authorizer.get("keyId")), text(authorizer.get("tier")));
    }

    private static String text(Object value) {
        return value == null || String.valueOf(value).isEmpty() ? null : String.valueOf(value);
    }

    private static APIGatewayProxyResponseEvent toEvent(ApiResponse response) {
        return new APIGatewayProxyResponseEvent()
                .withStatusCode(response.status())
                .withHeaders(new HashMap<>(response.headers()))
                .withBody(response.body())
                .withIsBase64Encoded(response.base64());
    }
}
