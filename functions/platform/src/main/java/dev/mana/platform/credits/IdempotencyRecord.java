package dev.mana.platform.credits;

import java.time.Instant;

/** What an idempotency key was first used for, and what it produced. */
record IdempotencyRecord(
        String op,
        String accountId,
        String key,
        long amount,
        String reason,
        String resultId,
        Instant createdAt,
        Instant expiresAt) {

    boolean sameRequest(long otherAmount, String otherReason) {
        return amount == otherAmount && reason.equals(otherReason);
    }
}
