package dev.mana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class ApiFunctionErrorTest {
    record Options(int limit, List<String> tags) {}

    record CreateThing(@JsonProperty(required = true) String name, Integer count, Options options) {}

    private final ByteArrayOutputStream logs = new ByteArrayOutputStream();

    private final ApiFunction function = new ApiFunction(
            "test",
            Router.of(
                    Route.post("/v1/things", request -> ApiResponse.json(201, request.json(CreateThing.class)))
                            .maxBodyBytes(1024),
                    Route.get("/v1/things/{id}", request -> ApiResponse.ok(request.pathParameter("id"))),
                    Route.get("/v1/boom", request -> {
                        throw new IllegalStateException("db password=hunter2 at 10.0.0.1");
                    })));

    ApiFunctionErrorTest() {
        Log.redirect(new PrintStream(logs, true, StandardCharsets.UTF_8));
        Metrics.redirect(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Log.redirect(System.out);
        Metrics.redirect(System.out);
    }

    private APIGatewayProxyResponseEvent post(String body) {
        return function.apply(TestEvents.json("POST", "/v1/things", body));
    }

    private static void assertProblem(APIGatewayProxyResponseEvent response, int status, String code) throws Exception {
        assertThat(response.getStatusCode()).isEqualTo(status);
        assertThat(response.getHeaders()).containsEntry("Content-Type", "application/problem+json");
        assertThat(response.getHeaders()).containsEntry("X-Request-Id", "req-test");
        var body = TestEvents.body(response);
        assertThat(body.path("status").asInt()).isEqualTo(status);
        assertThat(body.path("code").asText()).isEqualTo(code);
        assertThat(body.path("requestId").asText()).isEqualTo("req-test");
        assertThat(body.path("type").asText()).startsWith("https://");
        assertThat(body.path("detail").asText()).isNotBlank();
    }

    @Test
    void unknownRoute_answers404() throws Exception {
        assertProblem(function.apply(TestEvents.request("GET", "/v1/nothing")), 404, "route_not_found");
    }

    @Test
    void wrongMethod_answers405WithAllowHeader() throws Exception {
        var response = function.apply(TestEvents.request("DELETE", "/v1/things"));
        assertProblem(response, 405, "method_not_allowed");
        assertThat(response.getHeaders()).containsEntry("Allow", "POST");
    }

    @Test
    void malformedJson_answers400SayingWhere() throws Exception {
        var response = post("{\n  \"name\": \"a\",\n  oops\n}");
        assertProblem(response, 400, "malformed_json");
        var body = TestEvents.body(response);
        assertThat(body.path("line").asInt()).isEqualTo(3);
        assertThat(body.path("detail").asText()).contains("line 3");
    }

    @Test
    void emptyBody_answers400() throws Exception {
        assertProblem(post(""), 400, "malformed_json");
    }

    @Test
    void bodyThatIsNotAnObject_answers400() throws Exception {
        assertProblem(post("[1,2]"), 400, "invalid_type");
    }

    @Test
    void wrongFieldType_answers400NamingTheField() throws Exception {
        var response = post("{\"name\":\"a\",\"options\":{\"limit\":\"ten\"}}");
        assertProblem(response, 400, "invalid_type");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("options.limit");
    }

    @Test
    void stringWhereNumberExpected_isNotCoerced() throws Exception {
        var response = post("{\"name\":\"a\",\"count\":\"5\"}");
        assertProblem(response, 400, "invalid_type");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("count");
    }

    @Test
    void numberWhereStringExpected_isNotCoerced() throws Exception {
        var response = post("{\"name\":42}");
        assertProblem(response, 400, "invalid_type");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("name");
    }

    @Test
    void fractionWhereIntegerExpected_isNotTruncated() throws Exception {
        var response = post("{\"name\":\"a\",\"count\":2.5}");
        assertProblem(response, 400, "invalid_type");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("count");
    }

    @Test
    void wrongTypeInsideArray_namesTheIndex() throws Exception {
        var response = post("{\"name\":\"a\",\"options\":{\"limit\":1,\"tags\":[\"x\",{}]}}");
        assertProblem(response, 400, "invalid_type");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("options.tags[1]");
    }

    @Test
    void missingRequiredField_answers422NamingTheField() throws Exception {
        var response = post("{\"count\":1}");
        assertProblem(response, 422, "missing_field");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("name");
    }

    @Test
    void unknownField_answers400NamingTheField() throws Exception {
        var response = post("{\"name\":\"a\",\"nmae\":\"typo\"}");
        assertProblem(response, 400, "unknown_field");
        assertThat(TestEvents.body(response).path("field").asText()).isEqualTo("nmae");
    }

    @Test
    void bodyOverTheRouteLimit_answers413() throws Exception {
        var response = post("{\"name\":\"" + "x".repeat(2000) + "\"}");
        assertProblem(response, 413, "payload_too_large");
        assertThat(TestEvents.body(response).path("limit").asInt()).isEqualTo(1024);
    }

    @Test
    void nonJsonMediaType_answers415() throws Exception {
        var event = TestEvents.request("POST", "/v1/things").withBody("name=a");
        event.getHeaders().put("Content-Type", "application/x-www-form-urlencoded");
        assertProblem(function.apply(event), 415, "unsupported_media_type");
    }

    @Test
    void unexpectedFailure_answers500WithoutInternals() throws Exception {
        var response = function.apply(TestEvents.request("GET", "/v1/boom"));
        assertProblem(response, 500, "internal_error");
        assertThat(response.getBody()).doesNotContain("hunter2", "10.0.0.1", "IllegalStateException");
        assertThat(logs.toString(StandardCharsets.UTF_8))
                .contains("IllegalStateException")
                .contains("req-test");
    }
}
