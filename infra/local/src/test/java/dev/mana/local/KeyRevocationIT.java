package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Keys made by {@code POST /v1/keys}, through the whole local chain (authorizer, usage plans,
 * functions from their jars): they work at once on keyed and metered routes, and a revoked key
 * is refused by the authorizer (uncached) and by the usage plan (its API Gateway key is gone).
 */
class KeyRevocationIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalApi api;
    static LoopbackSearxng searxng;

    @BeforeAll
    static void start() throws Exception {
        searxng = new LoopbackSearxng();
        api = LocalApi.start("rv" + UUID.randomUUID().toString().substring(0, 8), 0, searxng.environment());
    }

    @AfterAll
    static void stop() {
        api.close();
        api.stack().close();
        searxng.close();
    }

    static HttpResponse<String> send(String method, String path, String header, String value, String json)
            throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        if (header != null) request.header(header, value);
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void createdKey_worksAtOnce_andRevokedKey_isRefused() throws Exception {
        String login = "{\"email\":\"rev@example.com\",\"password\":\"correct horse battery staple\"}";
        var registered = send("POST", "/v1/auth/register", null, null, login);
        assertThat(registered.statusCode()).isEqualTo(201);
        // Credits come with email verification (its token is in the log): granted here directly.
        new dev.mana.platform.credits.CreditLedger(
                        api.stack().clients().dynamoDb(), api.stack().ref("CreditsTable"))
                .grant(
                        Json.mapper()
                                .readTree(registered.body())
                                .path("accountId")
                                .asText(),
                        10,
                        "test credits",
                        "test-credits-rev");
        String token = Json.mapper()
                .readTree(send("POST", "/v1/auth/login", null, null, login).body())
                .path("accessToken")
                .asText();
        String bearer = "Bearer " + token;

        var first = Json.mapper()
                .readTree(send("POST", "/v1/keys", "Authorization", bearer, "{\"name\":\"one\"}")
                        .body());
        String key = first.path("key").asText();
        var balance = send("GET", "/v1/credits/balance", "x-api-key", key, null);
        assertThat(balance.statusCode()).as(balance.body()).isEqualTo(200);
        var search = send(
                "POST", "/v1/search", "x-api-key", key, "{\"query\":\"q\",\"options\":{\"engines\":[\"searxng\"]}}");
        assertThat(search.statusCode()).as(search.body()).isEqualTo(200);

        // A key revoked before any use: the authorizer has nothing cached and refuses it at once.
        var second = Json.mapper()
                .readTree(send("POST", "/v1/keys", "Authorization", bearer, "{\"name\":\"two\"}")
                        .body());
        assertThat(send("DELETE", "/v1/keys/" + second.path("id").asText(), "Authorization", bearer, null)
                        .statusCode())
                .isEqualTo(204);
        assertThat(send(
                                "GET",
                                "/v1/credits/balance",
                                "x-api-key",
                                second.path("key").asText(),
                                null)
                        .statusCode())
                .isEqualTo(403);

        // A key in use: metered routes refuse it once the gateway's key list refreshes (3 s here).
        assertThat(send("DELETE", "/v1/keys/" + first.path("id").asText(), "Authorization", bearer, null)
                        .statusCode())
                .isEqualTo(204);
        Thread.sleep(3_500);
        assertThat(send("POST", "/v1/search", "x-api-key", key, "{\"query\":\"q\"}")
                        .statusCode())
                .isEqualTo(403);
    }
}
