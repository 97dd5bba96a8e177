package dev.mana.platform.credits;

import java.time.Instant;

/**
 * Credits reserved for work whose price is known only when it ends (a job): taken out of the
 * spendable balance by {@link CreditLedger#hold}, then ended exactly once, by {@link
 * CreditLedger#capture} (the actual price charged, the rest given back) or {@link
 * CreditLedger#release} (all given back).
 *
 * @param holdId {@code hld_...}
 * @param amount the credits reserved
 * @param captured the credits charged on capture; 0 otherwise
 * @param released the credits given back when the hold ended (amount − captured); 0 while held
 * @param chargeId the charge a capture made ({@code chg_...}, refundable); null if none
 * @param settledAt when the hold ended; null while held
 */
public record Hold(
        String holdId,
        String accountId,
        long amount,
        String reason,
        State state,
        Instant createdAt,
        long captured,
        long released,
        String chargeId,
        Instant settledAt) {

    /** Where a hold is: it moves once, from {@code HELD} to one of the others. */
    public enum State {
        HELD,
        CAPTURED,
        RELEASED
    }

    public boolean settled() {
        return state != State.HELD;
    }
}
