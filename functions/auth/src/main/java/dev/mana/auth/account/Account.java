package dev.mana.auth.account;

import java.time.Instant;

/** An account as stored: its id ({@code acct_...}), email, tier, Argon2id hash and creation time. */
public record Account(String id, EmailAddress email, String name, String tier, String passwordHash, Instant createdAt) {
    public static final String FREE = "free";
}
