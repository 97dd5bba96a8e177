package dev.mana.auth.keys;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.keys.ApiKeyStore;
import java.util.List;

/** {@code GET /v1/keys}: the caller's keys, newest first, revoked ones marked; never a secret. */
public final class ListKeysRoute {
    public record Response(List<KeyView> keys) {}

    private final ApiKeyStore keys;

    public ListKeysRoute(ApiKeyStore keys) {
        this.keys = keys;
    }

    public Route route() {
        return Route.get("/v1/keys", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        return ApiResponse.ok(
                new Response(keys.list(account).stream().map(KeyView::of).toList()));
    }
}
