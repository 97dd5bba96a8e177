package dev.mana.local;

import com.sun.net.httpserver.HttpServer;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A SearXNG instance's JSON API on loopback, answering one result per query, so the local
 * runtime's search answers (and charges) without the internet. Give {@link #url()} to the
 * runtime as {@code MANA_SEARCH_SEARXNG_URL}.
 */
final class LoopbackSearxng implements AutoCloseable {
    private final HttpServer server;
    private final List<String> queries = new CopyOnWriteArrayList<>();

    LoopbackSearxng() {
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.createContext("/search", exchange -> {
            try (exchange) {
                queries.add(exchange.getRequestURI().getRawQuery());
                byte[] body = Json.write(Map.of(
                                "results",
                                List.of(Map.of(
                                        "url", "https://searx.example/tides",
                                        "title", "Tides from our SearXNG",
                                        "content", "Answered by the loopback SearXNG."))))
                        .getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "application/json");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The raw query strings the search function sent, in order. */
    List<String> queries() {
        return queries;
    }

    /** What the local runtime needs to search this instance (a loopback address must be allowed). */
    Map<String, String> environment() {
        return Map.of("MANA_SEARCH_SEARXNG_URL", url());
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
