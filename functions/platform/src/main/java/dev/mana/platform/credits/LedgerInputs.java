package dev.mana.platform.credits;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.regex.Pattern;

/** Checks of what callers pass the ledger; client input fails as a 4xx naming the field. */
final class LedgerInputs {
    static final long MAX_AMOUNT = 1_000_000_000L;
    static final int MAX_REASON = 200;
    static final int MAX_KEY = 255;
    static final int MAX_PAGE = 100;

    private static final Pattern ACCOUNT = Pattern.compile("[A-Za-z0-9_-]{1,64}");
    private static final Pattern KEY = Pattern.compile("[\\x21-\\x7e]{1," + MAX_KEY + "}");

    private LedgerInputs() {}

    /** The account comes from the authorizer, not the client: a bad one is a bug. */
    static void account(String accountId) {
        if (accountId == null || !ACCOUNT.matcher(accountId).matches()) {
            throw new IllegalArgumentException("Not an account id: " + accountId);
        }
    }

    static void amount(long amount) {
        if (amount < 1 || amount > MAX_AMOUNT) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            "amount",
                            "The amount must be a whole number of credits from 1 to " + MAX_AMOUNT + ".")
                    .with("min", 1)
                    .with("max", MAX_AMOUNT);
        }
    }

    static void reason(String reason) {
        if (reason == null || reason.isBlank()) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "reason", "The field 'reason' is required.");
        }
        if (reason.length() > MAX_REASON) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD, "reason", "The reason must be at most " + MAX_REASON + " characters.");
        }
    }

    /** Null means "no idempotency"; otherwise 1 to 255 visible ASCII characters. */
    static void idempotencyKey(String key, boolean required) {
        if (key == null && !required) return;
        if (key == null || !KEY.matcher(key).matches()) {
            throw new ApiException(
                            ErrorCode.INVALID_PARAMETER,
                            "The Idempotency-Key must be 1 to " + MAX_KEY + " visible ASCII characters (no spaces).")
                    .with("parameter", "Idempotency-Key");
        }
    }

    static void pageSize(int limit) {
        if (limit < 1 || limit > MAX_PAGE) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The limit must be from 1 to " + MAX_PAGE + ".")
                    .with("parameter", "limit");
        }
    }
}
