package dev.mana.platform.keys;

import java.time.Instant;

/**
 * An API key as stored: never the secret, only what identifies and displays it. {@code prefix}
 * is the first characters of the secret, shown so a person can tell keys apart.
 */
public record ApiKey(
        String keyId,
        String accountId,
        String tier,
        String name,
        String prefix,
        Status status,
        Instant createdAt,
        Instant expiresAt,
        Instant lastUsedAt,
        String gatewayKeyId) {

    public enum Status {
        ACTIVE,
        REVOKED
    }

    /** Whether a request made now with this key may pass. */
    public boolean usableAt(Instant now) {
        return status == Status.ACTIVE && (expiresAt == null || now.isBefore(expiresAt));
    }
}
