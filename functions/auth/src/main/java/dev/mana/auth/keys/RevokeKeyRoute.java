package dev.mana.auth.keys;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import dev.mana.platform.keys.ApiKeyStore;
import java.util.regex.Pattern;

/**
 * {@code DELETE /v1/keys/{id}} (signed-in session only): revokes the key at once in DynamoDB (the authorizer
 * refuses it once its 30 s cache of the key runs out) and deletes its API Gateway key (metered
 * routes refuse it as soon as API Gateway notices). Revoking twice is 204 both times; another
 * account's key id is 404, like an id that never existed.
 */
public final class RevokeKeyRoute {
    private static final Pattern KEY_ID = Pattern.compile("key_[A-Za-z0-9_-]{1,64}");

    private final ApiKeyStore keys;
    private final GatewayKeys gateway;

    public RevokeKeyRoute(ApiKeyStore keys, GatewayKeys gateway) {
        this.keys = keys;
        this.gateway = gateway;
    }

    public Route route() {
        return Route.delete("/v1/keys/{id}", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireSession().accountId();
        String id = request.pathParameter("id");
        if (!KEY_ID.matcher(id).matches()) throw notFound(id);
        var revoked = keys.revoke(account, id).orElseThrow(() -> notFound(id));
        gateway.delete(revoked.gatewayKeyId());
        Log.info("key revoked", "keyId", id);
        return ApiResponse.noContent();
    }

    private static ApiException notFound(String id) {
        return new ApiException(
                        ErrorCode.NOT_FOUND,
                        "This account has no key with the id "
                                + (KEY_ID.matcher(id).matches() ? id : "given") + ".")
                .with("parameter", "id");
    }
}
