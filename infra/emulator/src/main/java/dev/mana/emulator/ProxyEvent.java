package dev.mana.emulator;

import dev.mana.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Builds an API Gateway REST proxy event as API Gateway sends it to a Lambda function: what
 * tests feed to handlers and what the local runtime makes from each HTTP request.
 */
public final class ProxyEvent {
    private final String method;
    private final String path;
    private String resource;
    private final Map<String, String> headers = new LinkedHashMap<>();
    private final Map<String, String> query = new LinkedHashMap<>();
    private Map<String, String> pathParameters;
    private final Map<String, Object> authorizer = new LinkedHashMap<>();
    private String body;
    private boolean base64;
    private String sourceIp = "127.0.0.1";
    private String requestId = UUID.randomUUID().toString();

    private ProxyEvent(String method, String path) {
        this.method = method;
        this.path = path;
        this.resource = path;
    }

    public static ProxyEvent request(String method, String path) {
        return new ProxyEvent(method, path);
    }

    public ProxyEvent resource(String template, Map<String, String> parameters) {
        this.resource = template;
        this.pathParameters = parameters;
        return this;
    }

    public ProxyEvent header(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public ProxyEvent query(String name, String value) {
        query.put(name, value);
        return this;
    }

    public ProxyEvent json(String json) {
        headers.putIfAbsent("Content-Type", "application/json");
        this.body = json;
        this.base64 = false;
        return this;
    }

    public ProxyEvent body(byte[] bytes, String contentType) {
        headers.put("Content-Type", contentType);
        this.body = Base64.getEncoder().encodeToString(bytes);
        this.base64 = true;
        return this;
    }

    /** The context a Lambda authorizer put on the request. */
    public ProxyEvent caller(String accountId, String keyId, String tier) {
        authorizer.put("accountId", accountId);
        if (keyId != null) authorizer.put("keyId", keyId);
        authorizer.put("tier", tier);
        return this;
    }

    public ProxyEvent sourceIp(String ip) {
        this.sourceIp = ip;
        return this;
    }

    public ProxyEvent requestId(String id) {
        this.requestId = id;
        return this;
    }

    public Map<String, Object> toMap() {
        var event = new LinkedHashMap<String, Object>();
        event.put("resource", resource);
        event.put("path", path);
        event.put("httpMethod", method);
        event.put("headers", headers.isEmpty() ? null : headers);
        var multiHeaders = new LinkedHashMap<String, List<String>>();
        headers.forEach((k, v) -> multiHeaders.put(k, List.of(v)));
        event.put("multiValueHeaders", multiHeaders.isEmpty() ? null : multiHeaders);
        event.put("queryStringParameters", query.isEmpty() ? null : query);
        var multiQuery = new LinkedHashMap<String, List<String>>();
        query.forEach((k, v) -> multiQuery.put(k, List.of(v)));
        event.put("multiValueQueryStringParameters", multiQuery.isEmpty() ? null : multiQuery);
        event.put("pathParameters", pathParameters);
        event.put("stageVariables", null);
        var context = new LinkedHashMap<String, Object>();
        context.put("resourcePath", resource);
        context.put("httpMethod", method);
        context.put("path", "/v1" + path);
        context.put("stage", "v1");
        context.put("requestId", requestId);
        context.put("accountId", EmulatedStack.ACCOUNT_ID);
        context.put("identity", Map.of("sourceIp", sourceIp, "userAgent", headers.getOrDefault("User-Agent", "")));
        if (!authorizer.isEmpty()) context.put("authorizer", authorizer);
        event.put("requestContext", context);
        event.put("body", body);
        event.put("isBase64Encoded", base64);
        return event;
    }

    public byte[] toJson() {
        return Json.write(toMap()).getBytes(StandardCharsets.UTF_8);
    }
}
