package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Fixtures;
import dev.mana.extract.testing.LoopbackSite;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input and failing upstreams: each a problem+json with a stable code, never charged, never cached. */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractRouteErrorTest {

    static final long CREDITS = 1_000;
    static ExtractFunction extract;
    static LoopbackSite site;
    static String account;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        site.page("/ok", "article.html");
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
        account = extract.account(CREDITS);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    static Stream<Arguments> badBodies() {
        String ok = "http://127.0.0.1:1/ok";
        List<String> tooMany = new ArrayList<>(Collections.nCopies(21, ok));
        return Stream.of(
                Arguments.of("/v1/extract", Bodies.extract("not a url"), 422, "invalid_field", "url"),
                Arguments.of("/v1/extract", Bodies.extract("/relative/path"), 422, "invalid_field", "url"),
                Arguments.of("/v1/extract", Bodies.extract("ftp://example.com/file.html"), 422, "invalid_field", "url"),
                Arguments.of("/v1/extract", Bodies.extract("javascript:alert(1)"), 422, "invalid_field", "url"),
                Arguments.of("/v1/extract", "{}", 422, "missing_field", "url"),
                Arguments.of("/v1/extract", "{\"url\":42}", 400, "invalid_type", "url"),
                Arguments.of("/v1/extract", "{\"url\":\"" + ok + "\",\"depth\":1}", 400, "unknown_field", "depth"),
                Arguments.of("/v1/extract", "{\"url\":", 400, "malformed_json", null),
                Arguments.of("/v1/extract", "[]", 400, "invalid_type", null),
                Arguments.of(
                        "/v1/extract", opts(ok, Map.of("timeoutMs", 999)), 422, "invalid_field", "options.timeoutMs"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("timeoutMs", 30_001)),
                        422,
                        "invalid_field",
                        "options.timeoutMs"),
                Arguments.of(
                        "/v1/extract", opts(ok, Map.of("timeoutMs", 1.5)), 400, "invalid_type", "options.timeoutMs"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("maxAgeSeconds", -1)),
                        422,
                        "invalid_field",
                        "options.maxAgeSeconds"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("formats", List.of("pdf"))),
                        422,
                        "invalid_field",
                        "options.formats[0]"),
                Arguments.of(
                        "/v1/extract", opts(ok, Map.of("formats", "markdown")), 400, "invalid_type", "options.formats"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("onlyMainContent", "yes")),
                        400,
                        "invalid_type",
                        "options.onlyMainContent"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("includeSelectors", List.of("div[[["))),
                        422,
                        "invalid_field",
                        "options.includeSelectors[0]"),
                Arguments.of(
                        "/v1/extract",
                        opts(ok, Map.of("excludeSelectors", List.of("nav", ""))),
                        422,
                        "invalid_field",
                        "options.excludeSelectors[1]"),
                Arguments.of("/v1/extract", opts(ok, Map.of("favor", "speed")), 422, "invalid_field", "options.favor"),
                Arguments.of("/v1/extract", opts(ok, Map.of("colour", "blue")), 400, "unknown_field", "options.colour"),
                Arguments.of("/v1/extract/bulk", Bodies.bulk(tooMany), 422, "invalid_field", "urls"),
                Arguments.of("/v1/extract/bulk", Bodies.bulk(List.of()), 422, "invalid_field", "urls"),
                Arguments.of("/v1/extract/bulk", "{\"urls\":\"" + ok + "\"}", 400, "invalid_type", "urls"),
                Arguments.of("/v1/extract/bulk", "{\"urls\":[1,2]}", 400, "invalid_type", "urls[0]"),
                Arguments.of("/v1/extract/bulk", "{}", 422, "missing_field", "urls"),
                Arguments.of(
                        "/v1/extract/bulk",
                        Bodies.bulk(List.of(ok), Map.of("formats", List.of())),
                        422,
                        "invalid_field",
                        "options.formats"));
    }

    static String opts(String url, Map<String, Object> options) {
        return Bodies.extract(url, options);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3}")
    @MethodSource("badBodies")
    void badInput_answersAProblemNamingTheField_andChargesNothing(
            String path, String body, int status, String code, String field) {
        var response = extract.call(ExtractFunction.post(path, account, body));

        assertProblem(response, status, code);
        if (field != null) {
            assertThat(response.json().path("field").asText()).isEqualTo(field);
        }
        assertThat(extract.balance(account)).isEqualTo(CREDITS);
    }

    @Test
    void anOversizeBody_answers413_andANonJsonBody415() {
        String huge = Bodies.extract("http://example.com/" + "a".repeat(70 * 1024));

        assertProblem(extract.call(ExtractFunction.post("/v1/extract", account, huge)), 413, "payload_too_large");
        var form = ProxyEvent.request("POST", "/v1/extract")
                .body("url=http://example.com".getBytes(), "application/x-www-form-urlencoded")
                .caller(account, "key_test", "free");
        assertProblem(extract.call(form), 415, "unsupported_media_type");
    }

    @Test
    void noCaller_answers401() {
        var single = extract.call(ProxyEvent.request("POST", "/v1/extract").json(Bodies.extract(site.url("/ok"))));
        var bulk = extract.call(
                ProxyEvent.request("POST", "/v1/extract/bulk").json(Bodies.bulk(List.of(site.url("/ok")))));

        assertProblem(single, 401, "unauthenticated");
        assertProblem(bulk, 401, "unauthenticated");
        assertThat(site.hits("/ok")).isZero();
    }

    @Test
    void upstream404And500_answer502_withTheUpstreamStatus_andAreNeverCached() {
        for (int status : List.of(404, 500)) {
            String url = site.status("/status-" + status, status);

            var first = extract.extract(account, Bodies.extract(url));
            var second = extract.extract(account, Bodies.extract(url));

            assertProblem(first, 502, "upstream_failed");
            assertThat(first.json().path("upstreamStatus").asInt()).isEqualTo(status);
            assertThat(first.json().path("reason").asText()).isEqualTo("upstream_status");
            assertProblem(second, 502, "upstream_failed");
            assertThat(site.hits("/status-" + status))
                    .as("a failure is not cached")
                    .isEqualTo(2);
        }
        assertThat(extract.balance(account)).isEqualTo(CREDITS);
    }

    @Test
    void aSlowUpstream_answers504_withinTheTimeout() {
        String url = site.slowPage("/slow", "article.html", Duration.ofSeconds(4));

        long started = System.nanoTime();
        var response = extract.extract(account, Bodies.extract(url, Map.of("timeoutMs", 1_000)));

        assertProblem(response, 504, "upstream_timeout");
        assertThat((System.nanoTime() - started) / 1_000_000).isLessThan(3_000);
    }

    @Test
    void aNonHtmlPage_answers415() {
        var response = extract.extract(account, Bodies.extract(site.page("/data.json", "data.json")));

        assertProblem(response, 415, "unsupported_media_type");
        assertThat(response.json().path("reason").asText()).isEqualTo("unsupported_content_type");
    }

    @Test
    void aPageWithNoText_answers422EmptyPage() {
        var response = extract.extract(account, Bodies.extract(site.page("/empty", "empty.html")));

        assertProblem(response, 422, "invalid_field");
        assertThat(response.json().path("reason").asText()).isEqualTo("empty_page");
        assertThat(response.json().path("field").asText()).isEqualTo("url");
    }

    @Test
    void aPageOver10MB_answers413_withoutReadingItAll() {
        String url =
                site.body("/huge", 200, "text/html", Fixtures.repeated("long-article.html", 60_000), Duration.ZERO);

        var response = extract.extract(account, Bodies.extract(url));

        assertProblem(response, 413, "payload_too_large");
        assertThat(response.json().path("limit").asLong()).isEqualTo(10L * 1024 * 1024);
    }

    @Test
    void anUnreachableHost_answers502() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }

        var response = extract.extract(account, Bodies.extract("http://127.0.0.1:" + port + "/"));

        assertProblem(response, 502, "upstream_failed");
        assertThat(response.json().path("reason").asText()).isEqualTo("connection");
    }

    static void assertProblem(ProxyResponse response, int status, String code) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        JsonNode problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("status").asInt()).isEqualTo(status);
        assertThat(problem.path("detail").asText()).isNotBlank();
        assertThat(problem.path("requestId").asText()).isEqualTo(response.header("X-Request-Id"));
    }
}
