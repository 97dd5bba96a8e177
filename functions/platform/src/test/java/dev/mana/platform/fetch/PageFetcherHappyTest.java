package dev.mana.platform.fetch;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.DeflaterOutputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class PageFetcherHappyTest {

    private static final String PAGE = "<html><head><title>t</title></head><body><p>héllo wörld</p></body></html>";
    // "<html><head><title>br</title></head><body><p>brotli body</p></body></html>", brotli-compressed by Node's zlib.
    private static final byte[] BROTLI = Base64.getDecoder()
            .decode("G0kAOIzUYc2dB4I6WapSuH0LEhtjJl5gAw40UJhw0EGmlYcNOMgiXhZZ5CC+Sy9K9sOlPLHym680oIw=");

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

    @Test
    void fetch_htmlPage_returnsDecodedBodyStatusAndType() throws Exception {
        server.html("/a", PAGE);
        FetchedPage page = fetcher.fetch(server.url("/a"));
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.mediaType()).isEqualTo("text/html");
        assertThat(page.body()).isEqualTo(PAGE);
        assertThat(page.finalUrl().toString()).isEqualTo(server.url("/a"));
    }

    @Test
    void fetch_sendsBrowserUserAgentAndAdvertisesDecodableEncodings() throws Exception {
        server.html("/a", PAGE);
        fetcher.fetch(server.url("/a?q=1#frag"));
        LoopbackServer.Seen seen = server.requests.get(0);
        assertThat(seen.userAgent()).startsWith("Mozilla/5.0").contains("Chrome/");
        assertThat(seen.acceptEncoding()).isEqualTo("gzip, deflate, br");
        assertThat(seen.path()).isEqualTo("/a?q=1");
        assertThat(seen.host()).isEqualTo("127.0.0.1:" + server.port());
    }

    @Test
    void fetch_redirectChain_followsToFinalUrl() throws Exception {
        server.redirect("/one", "/two").redirect("/two", server.url("/three")).html("/three", PAGE);
        FetchedPage page = fetcher.fetch(server.url("/one"));
        assertThat(page.finalUrl().toString()).isEqualTo(server.url("/three"));
        assertThat(page.requestedUrl().toString()).isEqualTo(server.url("/one"));
    }

    @Test
    void fetch_fiveRedirects_isStillFollowed() throws Exception {
        for (int i = 0; i < 5; i++) {
            server.redirect("/r" + i, "/r" + (i + 1));
        }
        server.html("/r5", PAGE);
        assertThat(fetcher.fetch(server.url("/r0")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_gzipBody_isDecoded() throws Exception {
        server.on("/gz", ex -> encoded(ex, "gzip", gzip(PAGE)));
        assertThat(fetcher.fetch(server.url("/gz")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_deflateBody_isDecoded() throws Exception {
        server.on("/df", ex -> encoded(ex, "deflate", deflate(PAGE)));
        assertThat(fetcher.fetch(server.url("/df")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_brotliBody_isDecoded() throws Exception {
        server.on("/br", ex -> encoded(ex, "br", BROTLI));
        assertThat(fetcher.fetch(server.url("/br")).body()).contains("<p>brotli body</p>");
    }

    @Test
    void fetch_charsetFromHeader_decodesLatin1() throws Exception {
        server.on(
                "/l1",
                ex -> LoopbackServer.send(
                        ex, 200, "text/html; charset=ISO-8859-1", PAGE.getBytes(StandardCharsets.ISO_8859_1)));
        assertThat(fetcher.fetch(server.url("/l1")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_charsetFromMetaTag_decodesWhenHeaderHasNone() throws Exception {
        String html = "<html><head><meta charset=\"windows-1251\"></head><body>Привет</body></html>";
        server.on(
                "/cp", ex -> LoopbackServer.send(ex, 200, "text/html", html.getBytes(Charset.forName("windows-1251"))));
        assertThat(fetcher.fetch(server.url("/cp")).body()).contains("Привет");
    }

    @Test
    void fetch_httpEquivContentType_decodes() throws Exception {
        String html =
                "<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=Shift_JIS\"></head><body>日本語</body></html>";
        server.on("/sj", ex -> LoopbackServer.send(ex, 200, "text/html", html.getBytes(Charset.forName("Shift_JIS"))));
        assertThat(fetcher.fetch(server.url("/sj")).body()).contains("日本語");
    }

    @Test
    void fetch_undeclaredBytesThatAreNotUtf8_decodeAsWindows1252() throws Exception {
        byte[] body = PAGE.getBytes(Charset.forName("windows-1252"));
        server.on("/nodecl", ex -> LoopbackServer.send(ex, 200, "text/html", body));
        assertThat(fetcher.fetch(server.url("/nodecl")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_undeclaredUtf8_staysUtf8() throws Exception {
        server.on("/u8", ex -> LoopbackServer.send(ex, 200, "text/html", PAGE.getBytes(StandardCharsets.UTF_8)));
        assertThat(fetcher.fetch(server.url("/u8")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_utf16Bom_winsOverHeader() throws Exception {
        byte[] body = ("\uFEFF" + PAGE).getBytes(StandardCharsets.UTF_16BE);
        server.on("/bom", ex -> LoopbackServer.send(ex, 200, "text/html; charset=iso-8859-1", body));
        assertThat(fetcher.fetch(server.url("/bom")).body()).isEqualTo(PAGE);
    }

    @Test
    void fetch_chunkedBodyWithoutLength_isRead() throws Exception {
        server.on("/chunked", ex -> {
            ex.getResponseHeaders().add("Content-Type", "text/plain");
            ex.sendResponseHeaders(200, 0);
            try (OutputStream out = ex.getResponseBody()) {
                for (int i = 0; i < 100; i++) {
                    out.write(("line " + i + "\n").getBytes(StandardCharsets.UTF_8));
                    out.flush();
                }
            }
        });
        FetchedPage page = fetcher.fetch(server.url("/chunked"));
        assertThat(page.isPlainText()).isTrue();
        assertThat(page.body()).startsWith("line 0\n").endsWith("line 99\n");
    }

    @Test
    void fetch_hostName_isResolvedOnceAndSentAsHostHeader() throws Exception {
        server.html("/a", PAGE);
        AtomicInteger lookups = new AtomicInteger();
        HostResolver resolver = host -> {
            lookups.incrementAndGet();
            return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
        };
        PageFetcher named = new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8"), resolver);
        named.fetch("http://pages.example:" + server.port() + "/a");
        assertThat(lookups).hasValue(1);
        assertThat(server.requests.get(0).host()).isEqualTo("pages.example:" + server.port());
    }

    private static void encoded(com.sun.net.httpserver.HttpExchange ex, String coding, byte[] body) throws IOException {
        ex.getResponseHeaders().add("Content-Encoding", coding);
        LoopbackServer.send(ex, 200, "text/html; charset=utf-8", body);
    }

    private static byte[] gzip(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }

    private static byte[] deflate(String text) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (DeflaterOutputStream out = new DeflaterOutputStream(bytes)) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return bytes.toByteArray();
    }
}
