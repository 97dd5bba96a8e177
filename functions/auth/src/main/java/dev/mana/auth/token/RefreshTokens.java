package dev.mana.auth.token;

import dev.mana.auth.Ids;
import dev.mana.auth.token.RefreshTokenStore.StoredToken;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Refresh tokens: 32 random bytes, base64url, with an {@code rt_} prefix so secret scanners
 * know them; valid 30 days; single use. Using one rotates it. A token presented again within
 * the grace period (a client's concurrent retry) gets one sibling, once; presented again after
 * that, or after the grace period, it is taken as stolen: its whole family is revoked, so the
 * thief's and the owner's tokens all stop working.
 */
public final class RefreshTokens {
    public static final Duration LIFETIME = Duration.ofDays(30);
    public static final Duration REUSE_GRACE = Duration.ofSeconds(10);
    private static final String PREFIX = "rt_";
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    /** The account a refresh was for, and the successor token to hand back. */
    public record Rotated(String accountId, String refreshToken) {}

    private final RefreshTokenStore store;

    public RefreshTokens(RefreshTokenStore store) {
        this.store = store;
    }

    /** The first token of a new family, at login. */
    public String startFamily(String accountId, Instant now) {
        String token = newToken();
        store.startFamily(Ids.random("rfam"), accountId, hash(token), now.plus(LIFETIME));
        return token;
    }

    /** Spends {@code presented} and returns its successor, or answers 401. */
    public Rotated rotate(String presented, Instant now) {
        StoredToken old = live(presented, now).orElseThrow(RefreshTokens::refused);
        String next = newToken();
        if (old.usedAt() == null) {
            switch (store.rotate(old, hash(next), now, now.plus(LIFETIME))) {
                case ROTATED -> {
                    return new Rotated(old.accountId(), next);
                }
                case FAMILY_REVOKED -> throw refused();
                case ALREADY_USED -> old = store.find(old.hash(), now).orElseThrow(RefreshTokens::refused);
            }
            if (old.usedAt() == null) {
                // Lost a race with a transaction that did not commit: nothing was spent, the client may retry.
                throw new ApiException(ErrorCode.CONFLICT, "The refresh token is being used concurrently; retry.");
            }
        }
        if (!Duration.between(old.usedAt(), now).minus(REUSE_GRACE).isPositive()) {
            // A concurrent retry of the same refresh: give it a sibling rather than punish the
            // client, once. A further reuse is someone replaying the token: theft, as below.
            switch (store.branch(old, hash(next), now, now.plus(LIFETIME))) {
                case BRANCHED -> {
                    return new Rotated(old.accountId(), next);
                }
                case FAMILY_REVOKED -> throw refused();
                case ALREADY_BRANCHED -> {}
            }
        }
        store.revokeFamily(old.familyId(), now);
        Log.warn("refresh token reused; family revoked", "familyId", old.familyId(), "accountId", old.accountId());
        throw refused();
    }

    /** Revokes the family of {@code presented}, if it names one; unknown tokens change nothing. */
    public void revoke(String presented, Instant now) {
        live(presented, now).ifPresent(token -> store.revokeFamily(token.familyId(), now));
    }

    /** The stored token if it exists, is unexpired and its family is live. */
    private Optional<StoredToken> live(String presented, Instant now) {
        if (!presented.startsWith(PREFIX)) return Optional.empty();
        return store.find(hash(presented), now)
                .filter(token -> store.family(token.familyId(), now)
                        .map(family -> !family.revoked())
                        .orElse(false));
    }

    private static String newToken() {
        return PREFIX + B64.encodeToString(Ids.bytes(32));
    }

    static String hash(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ApiException refused() {
        return new ApiException(
                ErrorCode.INVALID_CREDENTIALS, "The refresh token is invalid, expired or revoked; log in again.");
    }
}
