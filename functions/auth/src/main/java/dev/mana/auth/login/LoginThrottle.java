package dev.mana.auth.login;

import dev.mana.auth.login.LoginAttemptStore.Attempts;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.time.Instant;

/**
 * Brute-force defence for login. Before any password work, a subject (the email, the client
 * IP) still in its lockout answers 429 with {@code Retry-After}; a failure is counted for both;
 * a success clears the email's count (not the IP's: one good account must not launder an IP).
 */
public final class LoginThrottle {
    private final LoginAttemptStore store;
    private final LoginLimits limits;

    public LoginThrottle(LoginAttemptStore store, LoginLimits limits) {
        this.store = store;
        this.limits = limits;
    }

    public void check(String emailKey, String ip, Instant now) {
        Duration wait = max(remaining(email(emailKey), limits.perEmail(), now), remaining(ip(ip), limits.perIp(), now));
        if (wait.isPositive()) {
            long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
            Log.info("login throttled", "retryAfterSeconds", seconds);
            throw new ApiException(
                            ErrorCode.RATE_LIMITED, "Too many failed logins; retry after " + seconds + " seconds.")
                    .with("retryAfter", seconds)
                    .withHeader("Retry-After", Long.toString(seconds));
        }
    }

    public void failed(String emailKey, String ip, Instant now) {
        Instant expires = now.plus(limits.retention());
        store.recordFailure(email(emailKey), now, expires);
        if (ip != null) store.recordFailure(ip(ip), now, expires);
    }

    public void succeeded(String emailKey) {
        store.clear(email(emailKey));
    }

    private Duration remaining(String subject, int limit, Instant now) {
        if (subject == null) return Duration.ZERO;
        return store.find(subject, now).map(a -> remaining(a, limit, now)).orElse(Duration.ZERO);
    }

    private Duration remaining(Attempts attempts, int limit, Instant now) {
        Instant until = attempts.lastFailure().plus(limits.lockout(attempts.failures(), limit));
        return until.isAfter(now) ? Duration.between(now, until) : Duration.ZERO;
    }

    static String email(String emailKey) {
        return "email#" + emailKey;
    }

    static String ip(String ip) {
        return ip == null ? null : "ip#" + ip;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
