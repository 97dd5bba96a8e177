package dev.mana.platform.credits;

import java.time.Instant;

/**
 * A charge given back by {@link CreditLedger#refund}, in full, once. Repeating the refund
 * returns this same record (with the balance as it is now).
 *
 * @param refundId {@code rfd_...}
 * @param chargeId the charge refunded
 * @param amount the credits given back: the charge's amount
 */
public record Refund(
        String refundId,
        String chargeId,
        String accountId,
        long amount,
        String reason,
        Instant createdAt,
        long balanceAfter) {}
