package dev.mana.platform.billing;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.Caller;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.credits.Charge;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Charges one API call: debits the caller's credits through the ledger (atomic, idempotent)
 * and counts the call in the usage series. The idempotency key is the client's
 * {@code Idempotency-Key} scoped to the route (the ledger scopes it to the account), so a
 * retried request with the same key is charged once and its usage counted once; without the
 * header each request is a charge of its own.
 */
public final class Billing {
    /** Idempotency keys are the client's; keep them to something a person would send. */
    static final int MAX_IDEMPOTENCY_KEY_LENGTH = 255;

    private final CreditLedger ledger;
    private final UsageMeter usage;

    public Billing(CreditLedger ledger, UsageMeter usage) {
        this.ledger = ledger;
        this.usage = usage;
    }

    /**
     * The caller's balance, or 402 {@code insufficient_credits} (with {@code balance} and {@code
     * price}) when it cannot pay {@code price}: for routes that charge only once the work
     * succeeded, so a caller who cannot pay costs no upstream call. A read, not a reservation:
     * the charge afterwards is what is atomic.
     */
    public long requireBalance(ApiRequest request, long price, String what) {
        long balance = ledger.balance(request.requireCaller().accountId()).balance();
        if (balance < price) {
            throw new ApiException(
                            ErrorCode.INSUFFICIENT_CREDITS,
                            what + " costs " + price + " credit" + (price == 1 ? "" : "s") + " and the balance is "
                                    + balance + ".")
                    .with("balance", balance)
                    .with("price", price);
        }
        return balance;
    }

    public Charged charge(ApiRequest request, String service, long credits, String reason) {
        return charge(request, service, credits, reason, null);
    }

    /**
     * One of several charges of one request ({@code part}: e.g. a bulk request's URL index),
     * each idempotent on its own under the request's Idempotency-Key.
     */
    public Charged charge(ApiRequest request, String service, long credits, String reason, String part) {
        Caller caller = request.requireCaller();
        Instant started = Instant.now();
        Charge charge = ledger.charge(caller.accountId(), credits, reason, idempotencyKey(request, service, part));
        boolean replayed = charge.createdAt().isBefore(started.minusMillis(1));
        if (!replayed) {
            try {
                usage.record(caller.accountId(), caller.keyId(), service, credits);
            } catch (RuntimeException e) {
                // Usage is reporting; the charge, which is money, has already happened.
                Log.error("usage not recorded", e, "service", service);
            }
        }
        return new Charged(charge.chargeId(), charge.amount(), charge.balanceAfter());
    }

    /** Gives a charge back in full, exactly once (the ledger's refund), when the call it paid for failed. */
    public void refund(Charged charged, String reason) {
        ledger.refund(charged.chargeId(), reason);
    }

    /**
     * Refuses, before any work, an Idempotency-Key that is not 1 to 255 visible ASCII characters
     * (400); returns it, or empty when the request has none.
     */
    public static Optional<String> checkIdempotencyKey(ApiRequest request) {
        var header = request.header("Idempotency-Key").map(String::trim).filter(v -> !v.isEmpty());
        header.ifPresent(key -> {
            if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new ApiException(
                                ErrorCode.INVALID_PARAMETER,
                                "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                                        + " visible ASCII characters.")
                        .with("parameter", "Idempotency-Key");
            }
        });
        return header;
    }

    /**
     * The ledger's key: the client's key scoped to the route (and {@code part}). The ledger keeps
     * keys of at most 255 characters, so a scoped key longer than that names the client's key by
     * its SHA-256 instead: every key the API accepts fits, and short keys keep their old form.
     */
    static String idempotencyKey(ApiRequest request, String service, String part) {
        var key = checkIdempotencyKey(request);
        if (key.isEmpty()) return null; // each request is its own charge
        String scope = service + ":" + request.method() + ":" + request.path() + ":";
        String suffix = part == null ? "" : "#" + part;
        String scoped = scope + key.get() + suffix;
        if (scoped.length() <= MAX_IDEMPOTENCY_KEY_LENGTH) return scoped;
        return scope + "sha256:" + sha256(key.get()) + suffix;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.US_ASCII)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
