package dev.mana.auth.login;

import dev.mana.auth.Fields;
import dev.mana.auth.account.Account;
import dev.mana.auth.account.AccountStore;
import dev.mana.auth.account.EmailAddress;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.auth.password.PasswordPolicy;
import dev.mana.auth.token.AccessTokens;
import dev.mana.auth.token.RefreshTokens;
import dev.mana.auth.token.TokenPair;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * {@code POST /v1/auth/login}: an access and a refresh token for the right email and password.
 * A wrong email and a wrong password take the same path, Argon2 included, and give the same 401.
 */
public final class LoginRoute {
    public record Request(String email, String password) {}

    private final AccountStore accounts;
    private final PasswordHasher hasher;
    private final LoginThrottle throttle;
    private final AccessTokens accessTokens;
    private final RefreshTokens refreshTokens;
    private final Clock clock;

    public LoginRoute(
            AccountStore accounts,
            PasswordHasher hasher,
            LoginThrottle throttle,
            AccessTokens accessTokens,
            RefreshTokens refreshTokens,
            Clock clock) {
        this.accounts = accounts;
        this.hasher = hasher;
        this.throttle = throttle;
        this.accessTokens = accessTokens;
        this.refreshTokens = refreshTokens;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/auth/login", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        Request body = request.json(Request.class);
        var email = EmailAddress.parse(Fields.text(body.email(), "email", EmailAddress.MAX_LENGTH + 66));
        // Capped so a megabyte "password" cannot buy a longer Argon2 run than a real one.
        String password =
                PasswordPolicy.normalise(Fields.text(body.password(), "password", 4 * PasswordPolicy.MAX_LENGTH));
        Instant now = clock.instant();
        throttle.begin(email.key(), request.sourceIp(), now);
        Optional<Account> account = accounts.findByEmail(email);
        boolean valid =
                account.isPresent() ? hasher.verify(password, account.get().passwordHash()) : hasher.burn(password);
        if (!valid) {
            throw new ApiException(ErrorCode.INVALID_CREDENTIALS, "The email or password is wrong.");
        }
        Account found = account.get();
        throttle.succeeded(email.key(), request.sourceIp());
        Log.putContext("accountId", found.id());
        var pair = TokenPair.bearer(
                accessTokens.issue(found.id(), found.tier(), now), refreshTokens.startFamily(found.id(), now));
        return ApiResponse.ok(pair).withHeader("Cache-Control", "no-store");
    }
}
