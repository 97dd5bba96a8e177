package dev.mana.platform.credits;

import java.time.Instant;

/** A charge as its own item keeps it: what a refund needs, and the refund once made. */
record ChargeItem(
        String chargeId,
        String accountId,
        long amount,
        String reason,
        Instant createdAt,
        String refundId,
        String refundReason,
        Instant refundedAt) {

    boolean refunded() {
        return refundId != null;
    }

    Refund refund(long balanceNow) {
        return new Refund(refundId, chargeId, accountId, amount, refundReason, refundedAt, balanceNow);
    }
}
