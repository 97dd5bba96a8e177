package dev.mana.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PageFetcherErrorTest {

    private LoopbackServer server;
    private final PageFetcher fetcher = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8"));

    @BeforeEach
    void start() throws IOException {
        server = new LoopbackServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private FetchFailure failureOf(PageFetcher f, String url) {
        FetchFailure failure = catchThrowableOfType(FetchFailure.class, () -> f.fetch(url));
        assertThat(failure).as("fetch of %s must fail", url).isNotNull();
        return failure;
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/", "file:///etc/passwd", "gopher://example.com/", "javascript:alert(1)"})
    void fetch_nonHttpScheme_isUnsupportedScheme(String url) {
        assertThat(failureOf(fetcher, url).reason()).isEqualTo(Reason.UNSUPPORTED_SCHEME);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "not a url",
                "/relative/path",
                "http://",
                "http://exa mple.com/",
                "http://256.1.1.1.1/",
                "http://1.2.3.999/"
            })
    void fetch_malformedUrl_isInvalidUrl(String url) {
        assertThat(failureOf(fetcher, url).reason()).isEqualTo(Reason.INVALID_URL);
    }

    @Test
    void fetch_sixRedirects_isTooManyRedirects() {
        for (int i = 0; i < 6; i++) {
            server.redirect("/r" + i, "/r" + (i + 1));
        }
        server.html("/r6", "<p>never</p>");
        assertThat(failureOf(fetcher, server.url("/r0")).reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    }

    @Test
    void fetch_redirectLoop_isTooManyRedirects() {
        server.redirect("/loop", "/loop");
        assertThat(failureOf(fetcher, server.url("/loop")).reason()).isEqualTo(Reason.TOO_MANY_REDIRECTS);
    }

    @Test
    void fetch_declaredLengthOverCap_isTooLarge() {
        byte[] body = new byte[2048];
        server.on("/big", ex -> LoopbackServer.send(ex, 200, "text/html", body));
        PageFetcher small =
                new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8").withMaxBytes(1024));
        assertThat(failureOf(small, server.url("/big")).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void fetch_streamedBodyOverCap_isAbortedAsTooLarge() {
        server.on("/stream", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/html");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                byte[] chunk = "<p>xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx</p>"
                        .repeat(100)
                        .getBytes(StandardCharsets.UTF_8);
                for (int i = 0; i < 100_000; i++) { // about 500 MB if never aborted
                    out.write(chunk);
                }
            } catch (IOException expected) {
                // the fetcher hung up, as it should
            }
        });
        assertThat(failureOf(fetcher, server.url("/stream")).reason()).isEqualTo(Reason.TOO_LARGE);
    }

    @Test
    void fetch_serverSlowerThanTimeout_isTimeout() {
        server.on("/slow", ex -> {
            try {
                Thread.sleep(3000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            LoopbackServer.send(ex, 200, "text/html", "<p>late</p>".getBytes(StandardCharsets.UTF_8));
        });
        long start = System.nanoTime();
        FetchFailure failure = catchThrowableOfType(
                FetchFailure.class, () -> fetcher.fetch(server.url("/slow"), Duration.ofMillis(300)));
        assertThat(failure.reason()).isEqualTo(Reason.TIMEOUT);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(2));
    }

    @Test
    void fetch_httpsToServerWithoutTls_isTls() throws Exception {
        // A plain-HTTP server that answers at once, whatever it is sent: the handshake must fail.
        try (ServerSocket plain = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Thread answerer = Thread.ofVirtual().start(() -> {
                try (var socket = plain.accept()) {
                    socket.getOutputStream()
                            .write("HTTP/1.1 400 Bad Request\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
                } catch (IOException ignored) {
                    // the client hung up
                }
            });
            String url = "https://127.0.0.1:" + plain.getLocalPort() + "/a";
            assertThat(failureOf(fetcher, url).reason()).isEqualTo(Reason.TLS);
            answerer.join(2000);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"application/pdf", "image/png", "application/json", "application/octet-stream"})
    void fetch_nonTextContentType_isUnsupportedContentType(String type) {
        server.on("/doc", ex -> LoopbackServer.send(ex, 200, type, new byte[] {1, 2, 3}));
        FetchFailure failure = failureOf(fetcher, server.url("/doc"));
        assertThat(failure.reason()).isEqualTo(Reason.UNSUPPORTED_CONTENT_TYPE);
        assertThat(failure.getMessage()).contains("unsupported content type");
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 410, 500, 503})
    void fetch_upstreamErrorStatus_isUpstreamStatusWithCode(int status) {
        server.on(
                "/err",
                ex -> LoopbackServer.send(ex, status, "text/html", "<p>no</p>".getBytes(StandardCharsets.UTF_8)));
        FetchFailure failure = failureOf(fetcher, server.url("/err"));
        assertThat(failure.reason()).isEqualTo(Reason.UPSTREAM_STATUS);
        assertThat(failure.upstreamStatus()).isEqualTo(status);
    }

    @Test
    void fetch_closedPort_isConnection() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            port = socket.getLocalPort();
        }
        assertThat(failureOf(fetcher, "http://127.0.0.1:" + port + "/").reason())
                .isEqualTo(Reason.CONNECTION);
    }

    @Test
    void fetch_unresolvableHost_isConnection() {
        PageFetcher f = new PageFetcher(FetchPolicy.defaults(), host -> {
            throw new java.net.UnknownHostException(host);
        });
        assertThat(failureOf(f, "http://nowhere.invalid/").reason()).isEqualTo(Reason.CONNECTION);
    }
}
