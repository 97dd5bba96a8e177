package dev.mana.platform.credits;

import java.time.Instant;

/**
 * Credits added to an account by {@link CreditLedger#grant}: a monthly tier grant, a top-up.
 *
 * @param grantId {@code grt_...}
 * @param balanceAfter the balance read right after the grant committed (on a replay: now)
 */
public record Grant(
        String grantId, String accountId, long amount, String reason, Instant createdAt, long balanceAfter) {}
