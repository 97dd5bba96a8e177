package dev.mana.platform;

import java.util.Set;

/**
 * One route of a function: method, path template as in {@code infra/openapi.yaml} (e.g.
 * {@code /v1/keys/{id}}), its handler, the largest body it accepts and the media types of that
 * body.
 */
public record Route(String method, String path, RouteHandler handler, int maxBodyBytes, Set<String> consumes) {

    /** 256 KiB: comfortably more than any JSON body of this API. */
    public static final int DEFAULT_MAX_BODY_BYTES = 256 * 1024;

    public Route {
        method = method.toUpperCase(java.util.Locale.ROOT);
        consumes = Set.copyOf(consumes);
    }

    public static Route get(String path, RouteHandler handler) {
        return new Route("GET", path, handler, 0, Set.of());
    }

    public static Route delete(String path, RouteHandler handler) {
        return new Route("DELETE", path, handler, 0, Set.of());
    }

    public static Route post(String path, RouteHandler handler) {
        return new Route("POST", path, handler, DEFAULT_MAX_BODY_BYTES, Set.of(ApiResponse.JSON));
    }

    public Route maxBodyBytes(int limit) {
        return new Route(method, path, handler, limit, consumes);
    }

    public Route consumes(String... mediaTypes) {
        return new Route(method, path, handler, maxBodyBytes, Set.of(mediaTypes));
    }

    /** "GET /v1/keys/{id}", the form openapi.yaml and the logs use. */
    public String key() {
        return method + " " + path;
    }
}
