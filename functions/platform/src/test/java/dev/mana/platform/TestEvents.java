package dev.mana.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.Map;

/** Proxy events for the platform's own tests (functions use dev.mana.emulator.ProxyEvent). */
final class TestEvents {
    private TestEvents() {}

    static APIGatewayProxyRequestEvent request(String method, String path) {
        var context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setRequestId("req-test");
        return new APIGatewayProxyRequestEvent()
                .withHttpMethod(method)
                .withPath(path)
                .withHeaders(new HashMap<>())
                .withRequestContext(context);
    }

    static APIGatewayProxyRequestEvent json(String method, String path, String body) {
        var event = request(method, path).withBody(body);
        event.getHeaders().put("content-type", "application/json; charset=utf-8");
        return event;
    }

    static APIGatewayProxyRequestEvent withCaller(APIGatewayProxyRequestEvent event, String accountId) {
        event.getRequestContext()
                .setAuthorizer(new HashMap<>(Map.of("accountId", accountId, "keyId", "key_1", "tier", "free")));
        return event;
    }

    static JsonNode body(APIGatewayProxyResponseEvent response) throws Exception {
        return Json.mapper().readTree(response.getBody());
    }
}
