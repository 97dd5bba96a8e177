package dev.mana.platform.credits;

import java.time.Instant;

/**
 * An account's credits now.
 *
 * @param balance the credits the account can spend now (holds already taken out)
 * @param held the credits reserved by running jobs' holds: not spendable, given back in full or
 *     in part when each hold ends
 * @param updatedAt when the balance last moved; null for an account that never had credits
 */
public record Balance(String accountId, long balance, long held, Instant updatedAt) {}
