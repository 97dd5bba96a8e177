package dev.mana.auth.account;

import dev.mana.platform.Environment;
import dev.mana.platform.Log;

/**
 * How a new account's verification token reaches its owner. This deployment sends no email
 * yet: with {@code MANA_LOG_VERIFICATION_TOKENS=true} (the local runtime) the token is printed in
 * the log, so a developer can verify; otherwise it is dropped and the account verifies once a
 * mail sender is wired here (the token must never be logged on AWS).
 */
@FunctionalInterface
public interface VerificationDelivery {
    String LOG_VARIABLE = "MANA_LOG_VERIFICATION_TOKENS";

    void send(String accountId, String email, String token);

    static VerificationDelivery fromEnvironment() {
        if ("true".equalsIgnoreCase(Environment.get(LOG_VARIABLE, ""))) {
            return (accountId, email, token) -> Log.info(
                    "email verification token (local runtime only): POST /v1/auth/verify {\"token\":\"" + token + "\"}",
                    "accountId",
                    accountId);
        }
        return (accountId, email, token) ->
                Log.warn("no mail sender configured; verification token not delivered", "accountId", accountId);
    }
}
