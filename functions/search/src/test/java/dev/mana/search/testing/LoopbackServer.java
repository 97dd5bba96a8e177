package dev.mana.search.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A real HTTP server on 127.0.0.1 standing in for one search engine: it answers configured paths
 * with fixed bodies (optionally after a delay) and records every request it gets.
 */
public final class LoopbackServer implements AutoCloseable {

    /** A request as the server saw it. */
    public record Request(String path, Map<String, String> params, Map<String, String> headers) {
        public String param(String name) {
            return params.get(name);
        }
    }

    private final HttpServer server;
    private final List<Request> requests = new CopyOnWriteArrayList<>();

    private LoopbackServer(HttpServer server) {
        this.server = server;
    }

    public static LoopbackServer start() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
            // Virtual threads, so a deliberately slow answer does not hold up the others.
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.start();
            return new LoopbackServer(server);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A base URL on which nothing listens: connections are refused. */
    public static String deadUrl() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return "http://127.0.0.1:" + socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    public LoopbackServer answerFixture(String path, String fixture) {
        return answer(path, 200, Fixtures.contentType(fixture), Fixtures.read(fixture), Duration.ZERO);
    }

    public LoopbackServer answerFixture(String path, String fixture, Duration delay) {
        return answer(path, 200, Fixtures.contentType(fixture), Fixtures.read(fixture), delay);
    }

    public LoopbackServer answer(String path, int status, String contentType, String body, Duration delay) {
        try {
            server.removeContext(path);
        } catch (IllegalArgumentException e) {
            // no such context yet
        }
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        server.createContext(path, exchange -> {
            try (exchange) {
                requests.add(record(exchange));
                if (!delay.isZero()) {
                    Thread.sleep(delay);
                }
                exchange.getResponseHeaders().set("Content-Type", contentType);
                exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                // the client gave up (timeout): nothing to answer
            }
        });
        return this;
    }

    public List<Request> requests() {
        return List.copyOf(requests);
    }

    public Request lastRequest() {
        if (requests.isEmpty()) {
            throw new AssertionError("no request reached " + url());
        }
        return requests.get(requests.size() - 1);
    }

    private static Request record(HttpExchange exchange) {
        Map<String, String> params = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw != null) {
            for (String pair : raw.split("&")) {
                int eq = pair.indexOf('=');
                String name = eq < 0 ? pair : pair.substring(0, eq);
                String value = eq < 0 ? "" : pair.substring(eq + 1);
                params.put(
                        URLDecoder.decode(name, StandardCharsets.UTF_8),
                        URLDecoder.decode(value, StandardCharsets.UTF_8));
            }
        }
        Map<String, String> headers = new HashMap<>();
        exchange.getRequestHeaders().forEach((k, v) -> headers.put(k.toLowerCase(java.util.Locale.ROOT), v.get(0)));
        return new Request(exchange.getRequestURI().getPath(), params, headers);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
