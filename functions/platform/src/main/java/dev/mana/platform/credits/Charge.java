package dev.mana.platform.credits;

import java.time.Instant;

/**
 * Credits taken from an account by {@link CreditLedger#charge}.
 *
 * @param chargeId {@code chg_...}, what {@link CreditLedger#refund} takes
 * @param amount the credits taken, at least 1
 * @param balanceAfter the account's balance read right after the charge committed (on a replay
 *     of the same idempotency key: the balance now); under concurrent charges it may already
 *     reflect later ones, so it is what {@code X-Credits-Remaining} shows, not an audit figure
 */
public record Charge(
        String chargeId, String accountId, long amount, String reason, Instant createdAt, long balanceAfter) {}
