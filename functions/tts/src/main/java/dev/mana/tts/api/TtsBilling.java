package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import dev.mana.platform.credits.CreditLedger;
import java.util.Map;

/**
 * What speech costs and how it is paid: credits per started 1,000 characters, by engine (espeak-ng
 * 1, Kokoro 2), charged through {@link Billing} once the audio is encoded, so a failure costs
 * nothing and a retried request with the same Idempotency-Key is charged once. A caller who cannot
 * pay is refused before anything is synthesized.
 */
public final class TtsBilling {

    public static final String SERVICE = "tts";
    static final Map<String, Long> CREDITS_PER_THOUSAND = Map.of("espeak", 1L, "kokoro", 2L);

    private final Billing billing;
    private final CreditLedger ledger;

    public TtsBilling(Billing billing, CreditLedger ledger) {
        this.billing = billing;
        this.ledger = ledger;
    }

    public static long price(String engine, int characters) {
        long thousands = Math.max(1, (characters + 999L) / 1000);
        return thousands * CREDITS_PER_THOUSAND.getOrDefault(engine, 1L);
    }

    /** 402 unless the balance pays {@code price}. */
    public void requireCredits(ApiRequest request, long price) {
        long balance = ledger.balance(request.requireCaller().accountId()).balance();
        if (balance < price) {
            throw new ApiException(
                            ErrorCode.INSUFFICIENT_CREDITS,
                            "This speech costs " + price + " credits and the balance is " + balance + ".")
                    .with("balance", balance)
                    .with("price", price);
        }
    }

    public Charged charge(ApiRequest request, String engine, long price) {
        return billing.charge(request, SERVICE, price, SERVICE + ":" + engine);
    }
}
