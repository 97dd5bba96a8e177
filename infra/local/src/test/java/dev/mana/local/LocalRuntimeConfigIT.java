package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import dev.mana.platform.Json;
import dev.mana.platform.keys.ApiKeySecret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code infra/local/start} configured as a user configures it: variables in its environment
 * reach the functions over template.yaml's values, and a failed start exits and frees its port.
 */
class LocalRuntimeConfigIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String ARTICLE = "<html><head><title>Tides</title></head><body><article><h1>Tides</h1>"
            + "<p>Tides are the rise and fall of the sea, driven by the moon and the sun, and this paragraph"
            + " is long enough for the extractor to read it as the body of an article.</p>"
            + "<p>A second paragraph says more about tides, so that the page has a body worth keeping.</p>"
            + "</article></body></html>";

    HttpServer loopback;
    final List<String> searxngQueries = new CopyOnWriteArrayList<>();

    @BeforeEach
    void startLoopbackSites() throws Exception {
        loopback = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        // A SearXNG instance's JSON API, as the search function calls it.
        loopback.createContext("/searxng/search", exchange -> {
            try (exchange) {
                searxngQueries.add(exchange.getRequestURI().getRawQuery());
                byte[] body = Json.write(Map.of(
                                "results",
                                List.of(Map.of(
                                        "url", "https://searx.example/tides",
                                        "title", "Tides from our SearXNG",
                                        "content", "Answered by the instance MANA_SEARCH_SEARXNG_URL names."))))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        loopback.createContext("/article", exchange -> {
            try (exchange) {
                byte[] body = ARTICLE.getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        loopback.start();
    }

    @AfterEach
    void stopLoopbackSites() {
        loopback.stop(0);
    }

    @Test
    void searxngUrlAndFetchCidrs_fromTheEnvironment_reachTheFunctions() throws Exception {
        String site = "http://127.0.0.1:" + loopback.getAddress().getPort();
        String key = ApiKeySecret.generate();
        try (var runtime = LocalRuntimeProcess.start(Map.of(
                "MANA_SEARCH_SEARXNG_URL",
                site + "/searxng",
                "MANA_FETCH_ALLOW_CIDRS",
                "127.0.0.0/8",
                "MANA_DEMO_KEY",
                key))) {
            assertThat(runtime.awaitReady(Duration.ofMinutes(4)))
                    .as("ready; stderr: %s", runtime.stderr)
                    .isTrue();
            // A few lines a person reads: no Spring Cloud Function "======> SOURCE:" lines.
            assertThat(runtime.stdout).noneMatch(line -> line.contains("======> SOURCE"));
            assertThat(runtime.stdout).hasSizeLessThanOrEqualTo(5);
            assertThat(runtime.stdout)
                    .contains(
                            "From the environment, over template.yaml: MANA_FETCH_ALLOW_CIDRS, MANA_SEARCH_SEARXNG_URL");

            // The seed's kind of request: "google" is a SearXNG engine, passed to the configured instance.
            // A query of its own: the runtime's stack (and its search cache) outlives a run.
            String query = "tides" + java.util.UUID.randomUUID().toString().substring(0, 8);
            var search = post(
                    runtime.port,
                    "/v1/search",
                    key,
                    Json.write(Map.of(
                            "query",
                            query,
                            "options",
                            Map.of("categories", List.of("general"), "engines", List.of("google"), "limit", 10))));
            assertThat(search.statusCode()).as(search.body()).isEqualTo(200);
            assertThat(search.body()).contains("Tides from our SearXNG");
            assertThat(searxngQueries)
                    .singleElement()
                    .asString()
                    .contains("q=" + query)
                    .contains("format=json")
                    .contains("engines=google");
            var engines = http.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + runtime.port + "/v1/search/engines"))
                            .header("x-api-key", key)
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(Json.mapper()
                            .readTree(engines.body())
                            .path("searxngEngines")
                            .toString())
                    .contains("\"google\"");

            // The template's MANA_FETCH_ALLOW_CIDRS is empty: without the override, loopback is refused.
            var extract = post(runtime.port, "/v1/extract", key, Json.write(Map.of("url", site + "/article")));
            assertThat(extract.statusCode()).as(extract.body()).isEqualTo(200);
            assertThat(extract.body()).contains("rise and fall of the sea");
        }
    }

    @Test
    void failedStart_exitsNonZero_andFreesThePort() throws Exception {
        try (var runtime = LocalRuntimeProcess.start(Map.of("MANA_DEMO_KEY", "not-a-key"))) {
            assertThat(runtime.process.waitFor(4, TimeUnit.MINUTES))
                    .as("exited")
                    .isTrue();
            assertThat(runtime.process.exitValue()).isNotZero();
            assertThat(String.join("\n", runtime.stderr)).contains("MANA_DEMO_KEY must look like an API key");
            assertThat(runtime.portIsFree()).isTrue();
        }
    }

    static HttpResponse<String> post(int port, String path, String key, String json) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                        .header("x-api-key", key)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(json))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
