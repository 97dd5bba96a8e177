package dev.mana.auth.account;

import dev.mana.auth.ClientNetwork;
import dev.mana.auth.login.LoginAttemptStore;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.time.Instant;

/**
 * At most {@link #PER_NETWORK} registrations from one client network (/24 or /64) until {@link
 * #WINDOW} passes without one. Counted atomically before the account is made (one conditional
 * increment in the accounts table), so parallel requests from many containers cannot slip past.
 * Also bounds how fast the 409 of a taken email can be used to test addresses.
 */
public final class RegistrationLimit {
    public static final int PER_NETWORK = 10;
    public static final Duration WINDOW = Duration.ofHours(1);

    private final LoginAttemptStore counts;

    public RegistrationLimit(LoginAttemptStore counts) {
        this.counts = counts;
    }

    public void count(String sourceIp, Instant now) {
        String network = ClientNetwork.of(sourceIp);
        if (network == null) return;
        var attempts = counts.recordFailure("register#" + network, now, now.plus(WINDOW));
        if (attempts.failures() > PER_NETWORK) {
            Log.info("registration throttled", "network", network);
            throw new ApiException(
                            ErrorCode.RATE_LIMITED,
                            "Too many accounts were registered from this network; retry in an hour.")
                    .with("retryAfter", WINDOW.toSeconds())
                    .withHeader("Retry-After", Long.toString(WINDOW.toSeconds()));
        }
    }
}
