package dev.mana.extract.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A real web site on 127.0.0.1 serving the fixture pages: each path answers a fixture, a status,
 * a redirect or a slow page, and counts the requests it gets.
 */
public final class LoopbackSite implements AutoCloseable {

    private final HttpServer server;
    private final Map<String, AtomicInteger> hits = new ConcurrentHashMap<>();

    private LoopbackSite(HttpServer server) {
        this.server = server;
    }

    public static LoopbackSite start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new LoopbackSite(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url(String path) {
        return "http://127.0.0.1:" + server.getAddress().getPort() + path;
    }

    /** {@code path} answers the fixture {@code name} with its content type. */
    public String page(String path, String name) {
        return body(path, 200, Fixtures.contentType(name), Fixtures.read(name), Duration.ZERO);
    }

    public String slowPage(String path, String name, Duration delay) {
        return body(path, 200, Fixtures.contentType(name), Fixtures.read(name), delay);
    }

    public String status(String path, int status) {
        return body(
                path,
                status,
                "text/html; charset=utf-8",
                "<html><body><p>status " + status + "</p></body></html>",
                Duration.ZERO);
    }

    public String redirect(String path, String location) {
        serve(path, exchange -> {
            exchange.getResponseHeaders().set("Location", location);
            exchange.sendResponseHeaders(302, -1);
        });
        return url(path);
    }

    public String body(String path, int status, String contentType, String body, Duration delay) {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        serve(path, exchange -> {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            exchange.getResponseHeaders().set("Content-Type", contentType);
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        });
        return url(path);
    }

    /** Requests {@code path} has had. */
    public int hits(String path) {
        AtomicInteger count = hits.get(path);
        return count == null ? 0 : count.get();
    }

    private interface Answer {
        void answer(HttpExchange exchange) throws IOException;
    }

    private void serve(String path, Answer answer) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException e) {
            // not served yet
        }
        hits.remove(path);
        server.createContext(path, exchange -> {
            try (exchange) {
                if (!exchange.getRequestURI().getPath().equals(path)) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                hits.computeIfAbsent(path, p -> new AtomicInteger()).incrementAndGet();
                answer.answer(exchange);
            } catch (IOException e) {
                // the client gave up (timeout, size cap): nothing more to answer
            }
        });
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
