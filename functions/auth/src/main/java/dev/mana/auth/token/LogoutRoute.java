package dev.mana.auth.token;

import dev.mana.auth.Fields;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import java.time.Clock;

/**
 * {@code POST /v1/auth/logout}: revokes the refresh token's whole family. Always 204, so the
 * route tells nothing about which tokens exist.
 */
public final class LogoutRoute {
    public record Request(String refreshToken) {}

    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public LogoutRoute(RefreshTokens refreshTokens, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/auth/logout", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        String presented =
                Fields.text(request.json(Request.class).refreshToken(), "refreshToken", RefreshRoute.MAX_TOKEN);
        refreshTokens.revoke(presented, clock.instant());
        return ApiResponse.noContent();
    }
}
