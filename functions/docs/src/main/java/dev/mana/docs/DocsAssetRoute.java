package dev.mana.docs;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import java.util.Map;

/** {@code GET /docs/{asset}}: a file the reference page loads (Swagger UI's CSS and scripts). */
public final class DocsAssetRoute {
    private final Map<String, DocsAssets.Asset> assets;

    public DocsAssetRoute(Map<String, DocsAssets.Asset> assets) {
        this.assets = Map.copyOf(assets);
    }

    public Route route() {
        return Route.get("/docs/{asset}", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String name = request.pathParameter("asset");
        var asset = assets.get(name);
        if (asset == null) throw new ApiException(ErrorCode.NOT_FOUND, "The docs have no file " + name + ".");
        return new ApiResponse(
                200,
                Map.of("Content-Type", asset.contentType(), "Cache-Control", "public, max-age=86400"),
                asset.text(),
                false);
    }
}
