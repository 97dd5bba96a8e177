package dev.mana.auth.account;

import dev.mana.auth.Fields;
import dev.mana.auth.Ids;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.auth.password.PasswordPolicy;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import java.time.Clock;

/**
 * {@code POST /v1/auth/register}: a new account on the Free tier, its email unverified. A
 * one-time token goes to the email's owner ({@link VerificationDelivery}); {@code POST
 * /v1/auth/verify} with it grants the Free tier's credits, so free credits cost an attacker a
 * mailbox each, not a request. Registrations are limited per client network ({@link
 * RegistrationLimit}) before the password is hashed.
 */
public final class RegisterRoute {
    public record Request(String email, String password, String name) {}

    public record Response(String accountId, String email, String tier, boolean verified) {}

    /** Room for a long name; beyond it is abuse, not a name. */
    static final int MAX_NAME = 100;

    private final AccountStore accounts;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final RegistrationLimit limit;
    private final EmailVerifications verifications;
    private final VerificationDelivery delivery;
    private final Clock clock;

    public RegisterRoute(
            AccountStore accounts,
            PasswordPolicy policy,
            PasswordHasher hasher,
            RegistrationLimit limit,
            EmailVerifications verifications,
            VerificationDelivery delivery,
            Clock clock) {
        this.accounts = accounts;
        this.policy = policy;
        this.hasher = hasher;
        this.limit = limit;
        this.verifications = verifications;
        this.delivery = delivery;
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
        // Counted once the input is sound (bad input writes nothing), before the costly hash.
        limit.count(request.sourceIp(), clock.instant());
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
        delivery.send(account.id(), email.address(), verifications.issue(account.id(), clock.instant()));
        return ApiResponse.json(201, new Response(account.id(), email.address(), account.tier(), false));
    }
}
