package dev.mana.platform.credits;

import java.time.Instant;

/**
 * An account's credits now.
 *
 * @param updatedAt when the balance last moved; null for an account that never had credits
 */
public record Balance(String accountId, long balance, Instant updatedAt) {}
