package dev.mana.auth.account;

import dev.mana.auth.Fields;
import dev.mana.auth.Ids;
import dev.mana.auth.credits.MonthlyGrants;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.auth.password.PasswordPolicy;
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
 * {@code POST /v1/auth/register}: a new account on the Free tier, granted the Free tier's
 * monthly credits for the current month (key {@code grant:YYYY-MM}, as the scheduled grant),
 * so a new account can try every service at once.
 */
public final class RegisterRoute {
    public record Request(String email, String password, String name) {}

    public record Response(String accountId, String email, String tier) {}

    /** Room for a long name; beyond it is abuse, not a name. */
    static final int MAX_NAME = 100;

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final MonthlyGrants grants;
    private final Clock clock;

    public RegisterRoute(
            AccountStore accounts, PasswordPolicy policy, PasswordHasher hasher, MonthlyGrants grants, Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.grants = grants;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/auth/register", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        Request body = request.json(Request.class);
        var email = EmailAddress.parse(Fields.text(body.email(), "email", EmailAddress.MAX_LENGTH + 66));
        String password =
                policy.check(Fields.text(body.password(), "password", 4 * PasswordPolicy.MAX_LENGTH), email.address());
        String name = body.name() == null
                ? null
                : Fields.text(body.name(), "name", MAX_NAME).strip();
        var account = new Account(
                Ids.random("acct"),
                email,
                name == null || name.isEmpty() ? null : name,
                Account.FREE,
                hasher.hash(password),
                clock.instant());
        try {
            accounts.create(account);
        } catch (EmailTaken e) {
            throw ApiException.field(ErrorCode.CONFLICT, "email", "An account with this email exists; log in instead.");
        }
        Log.putContext("accountId", account.id());
        try {
            grants.grant(account.id(), account.tier(), YearMonth.now(clock.withZone(ZoneOffset.UTC)));
        } catch (RuntimeException e) {
            // The account exists; its credits come with the next monthly grant (or a re-run of it).
            Log.error("registration grant failed", e);
        }
        return ApiResponse.json(201, new Response(account.id(), email.address(), account.tier()));
    }
}
