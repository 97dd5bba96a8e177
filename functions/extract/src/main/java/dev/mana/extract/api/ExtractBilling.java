package dev.mana.extract.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import java.util.List;

/**
 * What extraction costs and how it is paid: 1 credit per URL extracted (cache hits too), charged
 * through {@link Billing} after the extraction succeeded, so a failed URL costs nothing. A caller
 * without a single credit is refused before any page is fetched.
 */
final class ExtractBilling {

    static final long PRICE = 1;
    static final String SERVICE = "extract";

    private final Billing billing;

    ExtractBilling(Billing billing) {
        this.billing = billing;
    }

    /** The balance, or 402 when it cannot pay for one URL; nothing is fetched for a caller who cannot pay. */
    long requireCredits(ApiRequest request) {
        return billing.requireBalance(request, PRICE, "Extracting a URL");
    }

    /** Charges one extracted URL with the request's Idempotency-Key as it came. */
    Charged charge(ApiRequest request) {
        return billing.charge(request, SERVICE, PRICE, SERVICE);
    }

    /** Charges the URL at {@code index} of a bulk request: its own charge, keyed "{key}#{index}". */
    Charged charge(ApiRequest request, int index) {
        return billing.charge(request, SERVICE, PRICE, SERVICE, Integer.toString(index));
    }

    /** Gives back what a bulk request was charged when it cannot answer after all. */
    void refund(List<Charged> charges) {
        for (Charged charge : charges) billing.refund(charge, "bulk extraction failed");
    }
}
