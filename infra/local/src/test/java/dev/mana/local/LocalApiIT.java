package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.OpenApi;
import dev.mana.emulator.Template;
import dev.mana.platform.Json;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The local runtime as an operator uses it: real HTTP on loopback to the functions' jars. */
class LocalApiIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalApi api;
    static LocalGateway keyedGateway;
    static LoopbackSearxng searxng;

    @BeforeAll
    static void start() throws Exception {
        searxng = new LoopbackSearxng();
        api = LocalApi.start("it" + UUID.randomUUID().toString().substring(0, 8), 0, searxng.environment());
        // The same gateway over a route that requires an API key on a usage plan.
        var functions = LocalFunctions.load(api.stack());
        keyedGateway = new LocalGateway(
                List.of(new OpenApi.Operation("GET", "/health", "AuthFunction", true, "manaAuthorizer")),
                OpenApi.authorizers(),
                functions,
                new ApiKeyPlans(api.stack().clients().apiGateway()),
                0);
        keyedGateway.start();
    }

    @AfterAll
    static void stop() {
        keyedGateway.close();
        api.close();
        api.stack().close();
        searxng.close();
    }

    static HttpResponse<String> get(int port, String path, String apiKey) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path));
        if (apiKey != null) request.header("x-api-key", apiKey);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void health_answers200WithEachDependency() throws Exception {
        var response = get(api.port(), "/health", null);

        assertThat(response.statusCode()).isEqualTo(200);
        var body = Json.mapper().readTree(response.body());
        assertThat(body.path("dependencies").path("dynamodb").path("status").asText())
                .isEqualTo("ok");
        assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
    }

    @Test
    void unknownPath_answersProblemJson404() throws Exception {
        var response = get(api.port(), "/v1/nothing-here", null);

        assertThat(response.statusCode()).isEqualTo(404);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
        assertThat(Json.mapper().readTree(response.body()).path("code").asText())
                .isEqualTo("route_not_found");
    }

    @Test
    void keyedRoute_runsTheAuthorizer_refusesMissingAndUnknownKeys_andThrottlesPastTheBurst() throws Exception {
        assertThat(get(keyedGateway.port(), "/health", null).statusCode()).isEqualTo(401);
        assertThat(get(keyedGateway.port(), "/health", ApiKeySecret.generate()).statusCode())
                .isEqualTo(403);

        // A key as the keys route makes it: hashed in DynamoDB, its value on the tier's usage plan.
        String key = ApiKeySecret.generate();
        var stored = new ApiKey(
                "key_it",
                "acct_it",
                "free",
                "it",
                ApiKeySecret.displayPrefix(key),
                ApiKey.Status.ACTIVE,
                Instant.now(),
                null,
                null,
                null);
        new ApiKeyStore(api.stack().clients().dynamoDb(), api.stack().ref("KeysTable"))
                .create(stored, ApiKeySecret.hash(key), 5);
        new ApiKeyPlans(api.stack().clients().apiGateway())
                .ensureKey(key, api.stack().environment("AuthFunction").get("FREE_USAGE_PLAN_NAME"));
        Map<?, ?> free = (Map<?, ?>) ((Map<?, ?>) Template.load().mappings().get("Tiers")).get("Free");
        int burst = Integer.parseInt(String.valueOf(free.get("BurstLimit")));

        int ok = 0;
        HttpResponse<String> last = null;
        for (int i = 0; i < burst + 5; i++) {
            last = get(keyedGateway.port(), "/health", key);
            if (last.statusCode() == 200) ok++;
            else break;
        }
        assertThat(ok).isGreaterThanOrEqualTo(burst);
        assertThat(last.statusCode()).isEqualTo(429);
        assertThat(Json.mapper().readTree(last.body()).path("code").asText()).isEqualTo("rate_limited");
        assertThat(last.headers().firstValue("Retry-After")).hasValue("1");
    }

    @Test
    void demoKey_searchesThroughAuthorizerUsagePlanAndLedger() throws Exception {
        String key = ApiKeySecret.generate();
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key);
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key); // idempotent

        // SearXNG on loopback answers; Brave has no key here and is skipped.
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/search"))
                .header("x-api-key", key)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"query\":\"demo\",\"options\":{\"engines\":[\"searxng\",\"brave\"]}}"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(response.headers().firstValue("X-Credits-Charged")).hasValue("1");
        assertThat(response.headers().firstValue("X-Credits-Remaining"))
                .hasValue(Long.toString(DemoAccount.CREDITS - 1));
        assertThat(Json.mapper()
                        .readTree(response.body())
                        .path("engines")
                        .path("brave")
                        .path("status")
                        .asText())
                .isEqualTo("skipped");
        assertThat(searxng.queries()).anyMatch(query -> query.contains("q=demo"));
    }

    @Test
    void searchWithoutAKey_isRefusedByTheAuthorizerWith401() throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + "/v1/search"))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"query\":\"demo\"}"))
                .build();
        var response = http.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    @Test
    void emulatorEndpoint_isSharedWithTheStack() {
        assertThat(api.stack().endpoint()).isEqualTo(AwsEmulator.endpoint());
        assertThat(EmulatedStack.ACCOUNT_ID).hasSize(12);
    }
}
