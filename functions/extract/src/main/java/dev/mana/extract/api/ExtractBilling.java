package dev.mana.extract.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Headers;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What extraction costs and how it is paid: 1 credit per URL extracted (cache hits too), charged
 * through {@link Billing} after the extraction succeeded, so a failed URL costs nothing. A caller
 * without a single credit is refused before any page is fetched.
 */
final class ExtractBilling {

    static final long PRICE = 1;
    static final String SERVICE = "extract";
    /** Billing's limit on Idempotency-Key. */
    static final int MAX_KEY_LENGTH = 255;
    /** The limit less the longest per-URL suffix a bulk request adds ("#19"). */
    static final int MAX_BULK_KEY_LENGTH = MAX_KEY_LENGTH - 3;

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
        Optional<String> key = idempotencyKey(request);
        if (key.isEmpty()) {
            return charge(request);
        }
        var headers = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(request.headers().asMap());
        headers.put("Idempotency-Key", key.get() + "#" + index);
        return charge(new ApiRequest(
                request.method(),
                request.path(),
                request.pathParameters(),
                request.queryParameters(),
                Headers.of(headers),
                request.body(),
                request.caller(),
                request.requestId(),
                request.sourceIp()));
    }

    /** Refuses, before any work, an Idempotency-Key that Billing would refuse (once suffixed, in bulk). */
    static void checkKey(ApiRequest request, int maxLength) {
        idempotencyKey(request).ifPresent(key -> {
            if (key.length() > maxLength || !key.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
                throw new ApiException(
                                ErrorCode.INVALID_PARAMETER,
                                "Idempotency-Key must be 1 to " + maxLength + " visible ASCII characters here.")
                        .with("parameter", "Idempotency-Key");
            }
        });
    }

    private static Optional<String> idempotencyKey(ApiRequest request) {
        return request.header("Idempotency-Key").map(String::trim).filter(v -> !v.isEmpty());
    }
}
