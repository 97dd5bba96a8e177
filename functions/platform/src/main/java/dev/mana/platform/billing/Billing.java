package dev.mana.platform.billing;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.Caller;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.credits.Charge;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import java.time.Instant;

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
        Caller caller = request.requireCaller();
        Instant started = Instant.now();
        Charge charge = ledger.charge(caller.accountId(), credits, reason, idempotencyKey(request, service));
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

    static String idempotencyKey(ApiRequest request, String service) {
        var header = request.header("Idempotency-Key").map(String::trim).filter(v -> !v.isEmpty());
        if (header.isPresent()) {
            String key = header.get();
            if (key.length() > MAX_IDEMPOTENCY_KEY_LENGTH || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new ApiException(
                                ErrorCode.INVALID_PARAMETER,
                                "Idempotency-Key must be 1 to " + MAX_IDEMPOTENCY_KEY_LENGTH
                                        + " visible ASCII characters.")
                        .with("parameter", "Idempotency-Key");
            }
            return service + ":" + request.method() + ":" + request.path() + ":" + key;
        }
        return null; // each request is its own charge
    }
}
