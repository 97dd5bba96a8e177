package dev.mana.auth.token;

import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.jwt.JwkSet;
import java.util.List;

/**
 * {@code GET /v1/auth/jwks} and {@code GET /.well-known/jwks.json}: the public keys that verify
 * access tokens. Cacheable for five minutes. During a rotation the previous key stays published
 * until its last token has expired; a verifier that meets an unknown kid refetches the set.
 */
public final class JwksRoute {
    static final String CACHE_CONTROL = "public, max-age=300, stale-while-revalidate=60";

    private final JwkSet keys;

    public JwksRoute(JwkSet keys) {
        this.keys = keys;
    }

    public List<Route> routes() {
        // The keys are fixed for the container's life: render the document once.
        var response = ApiResponse.ok(keys.toJson()).withHeader("Cache-Control", CACHE_CONTROL);
        return List.of(
                Route.get("/v1/auth/jwks", request -> response),
                Route.get("/.well-known/jwks.json", request -> response));
    }
}
