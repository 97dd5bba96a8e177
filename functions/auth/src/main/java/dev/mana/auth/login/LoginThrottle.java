package dev.mana.auth.login;

import dev.mana.auth.ClientNetwork;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force defence for login. Before any password work an attempt is counted, atomically,
 * for the email and for the client's network (IPv4 /24, IPv6 /64: one attacker holds a whole
 * one); a subject at its limit is refused with 429 and {@code Retry-After} and its password is
 * never checked. A success clears the email's count and takes back the network's one attempt
 * (one good account must not launder a network's failures).
 */
public final class LoginThrottle {
    private final LoginAttemptStore store;
    private final LoginLimits limits;

    public LoginThrottle(LoginAttemptStore store, LoginLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    /** Counts the attempt for the email and the client's network, or throws 429 when either is locked. */
    public void begin(String emailKey, String sourceIp, Instant now) {
        Duration wait = store.reserve(email(emailKey), limits.perEmail(), limits, now);
        String network = network(sourceIp);
        if (!wait.isPositive() && network != null) {
            wait = store.reserve(network, limits.perIp(), limits, now);
        }
        if (wait.isPositive()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            Log.info("login throttled", "retryAfterSeconds", seconds);
            throw new ApiException(
                            ErrorCode.RATE_LIMITED, "Too many failed logins; retry after " + seconds + " seconds.")
                    .with("retryAfter", seconds)
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }

    public void succeeded(String emailKey, String sourceIp) {
        store.clear(email(emailKey));
        String network = network(sourceIp);
        if (network != null) store.forgive(network);
    }

    static String email(String emailKey) {
        return "email#" + emailKey;
    }

    static String network(String sourceIp) {
        String network = ClientNetwork.of(sourceIp);
        return network == null ? null : "ip#" + network;
    }
}
