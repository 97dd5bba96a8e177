package dev.mana.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.sun.net.httpserver.HttpExchange;
import dev.mana.platform.fetch.FetchFailure.Reason;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** POST for webhooks: the same guard as GET, redirects never followed, any status returned. */
class PageFetcherPostTest {
    private static final Duration TIMEOUT = Duration.ofSeconds(5);
    private static final byte[] BODY = "{\"type\":\"job.succeeded\"}".getBytes(StandardCharsets.UTF_8);

    /** What one POST carried. */
    record Received(String method, String contentType, String userAgent, String signature, String body) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final PageFetcher loopback = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8"));
    private final PageFetcher guarded = new PageFetcher(FetchPolicy.defaults());
    private LoopbackServer server;

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer()
                .on("/hook", ex -> answer(ex, 204, ""))
                .on("/error", ex -> answer(ex, 500, "boom"))
                .on("/big", ex -> answer(ex, 200, "x".repeat(100_000)))
                .redirect("/moved", "/hook");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private void answer(HttpExchange ex, int status, String body) throws IOException {
        var h = ex.getRequestHeaders();
        received.add(new Received(
                ex.getRequestMethod(),
                h.getFirst("Content-Type"),
                h.getFirst("User-Agent"),
                h.getFirst("webhook-signature"),
                new String(ex.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
        LoopbackServer.send(ex, status, "text/plain", body.getBytes(StandardCharsets.UTF_8));
    }

    private PostResponse post(PageFetcher fetcher, String url) throws FetchFailure {
        return fetcher.post(
                URI.create(url),
                BODY,
                Map.of(
                        "Content-Type",
                        "application/json",
                        "User-Agent",
                        "Mana-Webhooks/1.0",
                        "webhook-signature",
                        "v1,x"),
                TIMEOUT);
    }

    @Test
    void post_sendsBodyAndHeaders_andReturnsTheStatus() throws Exception {
        PostResponse response = post(loopback, server.url("/hook"));

        assertThat(response.status()).isEqualTo(204);
        assertThat(response.successful()).isTrue();
        assertThat(received)
                .containsExactly(new Received(
                        "POST",
                        "application/json",
                        "Mana-Webhooks/1.0",
                        "v1,x",
                        new String(BODY, StandardCharsets.UTF_8)));
    }

    @Test
    void post_toA500_returnsIt_withTheBodyExcerpt() throws Exception {
        PostResponse response = post(loopback, server.url("/error"));

        assertThat(response.status()).isEqualTo(500);
        assertThat(response.successful()).isFalse();
        assertThat(response.body()).isEqualTo("boom");
    }

    @Test
    void post_toARedirect_doesNotFollowIt_andIsNotSuccessful() throws Exception {
        PostResponse response = post(loopback, server.url("/moved"));

        assertThat(response.status()).isEqualTo(302);
        assertThat(response.successful()).isFalse();
        assertThat(received).isEmpty();
        assertThat(server.requests).extracting(LoopbackServer.Seen::path).containsExactly("/moved");
    }

    @Test
    void post_largeAnswer_keepsOnlyTheStartOfIt() throws Exception {
        PostResponse response = post(loopback, server.url("/big"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.body()).hasSize(PostResponse.MAX_BODY_BYTES);
    }

    @Test
    void post_bodyOverThePolicyCap_isRefusedBeforeConnecting() {
        var small = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8").withMaxBytes(4));

        var failure = catchThrowableOfType(FetchFailure.class, () -> post(small, server.url("/hook")));

        assertThat(failure.reason()).isEqualTo(Reason.TOO_LARGE);
        assertThat(server.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Host", "Content-Length", "Transfer-Encoding", "Connection", "Bad Name"})
    void post_withAFramingOrMalformedHeaderName_isRefused(String name) {
        assertThatThrownBy(() -> loopback.post(URI.create(server.url("/hook")), BODY, Map.of(name, "1"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void post_withAHeaderValueCarryingANewline_isRefused() {
        assertThatThrownBy(() -> loopback.post(
                        URI.create(server.url("/hook")), BODY, Map.of("X-A", "1\r\nX-Injected: 1"), TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void post_toLoopbackWithEmptyAllowList_isRefused() {
        var failure = catchThrowableOfType(FetchFailure.class, () -> post(guarded, server.url("/hook")));

        assertThat(failure.reason()).isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://localhost:%d/hook",
                "http://10.0.0.1:%d/hook",
                "http://169.254.169.254:%d/latest/meta-data",
                "http://[::1]:%d/hook",
                "http://0x7f000001:%d/hook"
            })
    void post_toAPrivateAddressWithEmptyAllowList_isRefused(String pattern) {
        String url = pattern.formatted(server.port());

        var failure = catchThrowableOfType(FetchFailure.class, () -> post(guarded, url));

        assertThat(failure.reason()).isEqualTo(Reason.BLOCKED_ADDRESS);
        assertThat(server.requests).isEmpty();
    }

    @Test
    void post_toAnotherScheme_isRefused() {
        var failure = catchThrowableOfType(FetchFailure.class, () -> post(loopback, "ftp://127.0.0.1/hook"));

        assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME);
    }
}
