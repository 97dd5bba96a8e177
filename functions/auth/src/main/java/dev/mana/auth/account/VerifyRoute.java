package dev.mana.auth.account;

import dev.mana.auth.Fields;
import dev.mana.auth.credits.MonthlyGrants;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import java.time.Clock;
import java.time.YearMonth;
import java.time.ZoneOffset;

/**
 * {@code POST /v1/auth/verify {token}}: proves the account's email with the one-time token sent
 * at registration, and only then grants the Free tier's credits for the month (key {@code
 * grant:YYYY-MM}, as the scheduled grant, so verifying never pays twice). A used, expired or
 * unknown token is 422.
 */
public final class VerifyRoute {
    public record Request(String token) {}

    public record Response(String accountId, boolean verified, long creditsGranted) {}

    private final EmailVerifications verifications;
    private final AccountStore accounts;
    private final MonthlyGrants grants;
    private final Clock clock;

    public VerifyRoute(EmailVerifications verifications, AccountStore accounts, MonthlyGrants grants, Clock clock) {
        this.verifications = verifications;
        this.accounts = accounts;
        this.grants = grants;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/auth/verify", this::handle).maxBodyBytes(1024);
    }

    private ApiResponse handle(ApiRequest request) {
        String token = Fields.text(request.json(Request.class).token(), "token", 100);
        String accountId = verifications
                .redeem(token, clock.instant())
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.INVALID_FIELD,
                        "token",
                        "This verification token is unknown, used or older than 24 hours."));
        Log.putContext("accountId", accountId);
        var account = accounts.find(accountId)
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.INVALID_FIELD, "token", "The account of this token no longer exists."));
        long granted = 0;
        if (accounts.markVerified(accountId)) {
            var outcome = grants.grant(accountId, account.tier(), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
            granted = outcome.granted() ? outcome.grant().amount() : 0;
        }
        return ApiResponse.ok(new Response(accountId, true, granted));
    }
}
