package dev.mana.docs;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import java.util.Map;

/** {@code GET /openapi.json}: the public OpenAPI document of the whole API. */
public final class OpenApiJsonRoute {
    private final String spec;

    public OpenApiJsonRoute(String spec) {
        this.spec = spec;
    }

    public Route route() {
        return Route.get("/openapi.json", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        return new ApiResponse(
                200,
                Map.of(
                        "Content-Type",
                        ApiResponse.JSON,
                        "Cache-Control",
                        "public, max-age=300",
                        "Access-Control-Allow-Origin",
                        "*"),
                spec,
                false);
    }
}
