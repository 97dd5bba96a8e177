package dev.mana.auth.login;

import java.time.Duration;

/**
 * How many failed logins are allowed before the backoff starts, per email and per client IP,
 * and how it grows: the failure that reaches the limit locks for {@code firstLockout}, each
 * further one doubles it, up to {@code maxLockout}. A count is forgotten {@code window} after
 * its last failure (plus the longest lockout).
 */
public record LoginLimits(int perEmail, int perIp, Duration firstLockout, Duration maxLockout, Duration window) {

    /** 5 per email (a person mistyping), 20 per IP (shared offices and NATs), 30 s doubling to 15 min. */
    public static final LoginLimits DEFAULT =
            new LoginLimits(5, 20, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofMinutes(15));

    /** The lockout after {@code failures} failures when {@code limit} are allowed. */
    public Duration lockout(int failures, int limit) {
        if (failures < limit) return Duration.ZERO;
        int doublings = Math.min(failures - limit, 20);
        Duration lockout = firstLockout.multipliedBy(1L << doublings);
        return lockout.compareTo(maxLockout) > 0 ? maxLockout : lockout;
    }

    /** How long a count is kept after its last failure. */
    public Duration retention() {
        return window.plus(maxLockout);
    }
}
