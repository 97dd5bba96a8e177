package dev.mana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiFunctionHappyTest {
    private final ByteArrayOutputStream metrics = new ByteArrayOutputStream();

    private final ApiFunction function = new ApiFunction(
            "test",
            Router.of(
                    Route.get(
                            "/v1/things/{id}",
                            request -> ApiResponse.ok(Map.of(
                                    "id", request.pathParameter("id"),
                                    "sort", request.query("sort").orElse("none"),
                                    "trace", request.header("X-TRACE").orElse("none"),
                                    "account", request.requireCaller().accountId()))),
                    Route.post("/v1/audio", request -> ApiResponse.binary(200, "audio/wav", request.body()))
                            .consumes("audio/wav")));

    ApiFunctionHappyTest() {
        Log.redirect(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        Metrics.redirect(new PrintStream(metrics, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Log.redirect(System.out);
        Metrics.redirect(System.out);
    }

    @Test
    void pathQueryHeadersAndCaller_reachTheHandler() throws Exception {
        var event = TestEvents.withCaller(TestEvents.request("GET", "/v1/things/th%20ing"), "acct_1")
                .withQueryStringParameters(Map.of("sort", "desc"));
        event.getHeaders().put("x-trace", "abc");

        var response = function.apply(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "req-test");
        var body = TestEvents.body(response);
        assertThat(body.path("id").asText()).isEqualTo("th ing");
        assertThat(body.path("sort").asText()).isEqualTo("desc");
        assertThat(body.path("trace").asText()).isEqualTo("abc");
        assertThat(body.path("account").asText()).isEqualTo("acct_1");
    }

    @Test
    void routeNeedingCaller_withoutAuthorizerContext_answers401() throws Exception {
        var response = function.apply(TestEvents.request("GET", "/v1/things/1"));
        assertThat(response.getStatusCode()).isEqualTo(401);
        assertThat(TestEvents.body(response).path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void base64Body_isDecodedAndBinaryAnswerEncoded() {
        byte[] audio = {0, 1, 2, (byte) 0xff, 'R', 'I', 'F', 'F'};
        var event = TestEvents.request("POST", "/v1/audio")
                .withBody(Base64.getEncoder().encodeToString(audio))
                .withIsBase64Encoded(true);
        event.setHeaders(new HashMap<>(Map.of("Content-Type", "audio/wav")));

        var response = function.apply(event);

        assertThat(response.getStatusCode()).isEqualTo(200);
        assertThat(response.getIsBase64Encoded()).isTrue();
        assertThat(Base64.getDecoder().decode(response.getBody())).isEqualTo(audio);
    }

    @Test
    void everyCall_emitsOneEmfLineWithTheRouteTemplate() throws Exception {
        function.apply(TestEvents.withCaller(TestEvents.request("GET", "/v1/things/42"), "acct_1"));

        var line =
                Json.mapper().readTree(metrics.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path("_aws")
                        .path("CloudWatchMetrics")
                        .get(0)
                        .path("Namespace")
                        .asText())
                .isEqualTo("ManaApi");
        assertThat(line.path("Route").asText()).isEqualTo("GET /v1/things/{id}");
        assertThat(line.path("Latency").isNumber()).isTrue();
    }
}
