package dev.mana.auth.token;

import dev.mana.auth.Fields;
import dev.mana.auth.account.AccountStore;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import java.time.Clock;
import java.time.Instant;

/** {@code POST /v1/auth/refresh}: spends a refresh token for a new pair (rotation). */
public final class RefreshRoute {
    public record Request(String refreshToken) {}

    /** Ours are 46 characters; longer input is refused before any lookup. */
    static final int MAX_TOKEN = 256;

    private final RefreshTokens refreshTokens;
    private final AccessTokens accessTokens;
    private final AccountStore accounts;
    private final Clock clock;

    public RefreshRoute(RefreshTokens refreshTokens, AccessTokens accessTokens, AccountStore accounts, Clock clock) {
        this.refreshTokens = refreshTokens;
        this.accessTokens = accessTokens;
        this.accounts = accounts;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/auth/refresh", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        String presented = Fields.text(request.json(Request.class).refreshToken(), "refreshToken", MAX_TOKEN);
        Instant now = clock.instant();
        var rotated = refreshTokens.rotate(presented, now);
        Log.putContext("accountId", rotated.accountId());
        var account = accounts.find(rotated.accountId())
                .orElseThrow(() -> new ApiException(ErrorCode.INVALID_CREDENTIALS, "The account no longer exists."));
        var pair = TokenPair.bearer(accessTokens.issue(account.id(), account.tier(), now), rotated.refreshToken());
        return ApiResponse.ok(pair).withHeader("Cache-Control", "no-store");
    }
}
