package dev.mana.docs;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import java.util.Map;

/** {@code GET /docs}: the API reference page, rendered in the browser from /openapi.json. */
public final class DocsPageRoute {
    private final String page = DocsAssets.text("docs.html");

    public Route route() {
        return Route.get("/docs", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        return new ApiResponse(
                200,
                Map.of("Content-Type", "text/html; charset=utf-8", "Cache-Control", "public, max-age=300"),
                page,
                false);
    }
}
