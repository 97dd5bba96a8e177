package dev.mana.auth.credits;

import dev.mana.auth.Fields;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;

/**
 * {@code POST /v1/credits/use {amount, reason}}: spends the caller's credits (the seed's route,
 * for services that charge on their own). One ledger transaction through {@link Billing}:
 * all or nothing, 402 with {@code balance} and {@code price} when short; the same {@code
 * Idempotency-Key} with the same body charges once and answers the same, with another body
 * 409. Counted in usage under the service {@code credits}.
 */
public final class UseCreditsRoute {
    public record Request(Long amount, String reason) {}

    public record Response(String chargeId, long amount, String reason, long balance) {}

    static final String SERVICE = "credits";
    static final int MAX_REASON = 200;

    private final Billing billing;

    public UseCreditsRoute(Billing billing) {
        this.billing = billing;
    }

    public Route route() {
        return Route.post("/v1/credits/use", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        Request body = request.json(Request.class);
        if (body.amount() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "amount", "The field 'amount' is required.");
        }
        String reason = Fields.text(body.reason(), "reason", MAX_REASON).strip();
        if (reason.isEmpty()) {
            throw ApiException.field(ErrorCode.INVALID_FIELD, "reason", "The field 'reason' must not be blank.");
        }
        var charged = billing.charge(request, SERVICE, body.amount(), reason);
        return charged.onto(
                ApiResponse.ok(new Response(charged.chargeId(), charged.credits(), reason, charged.remaining())));
    }
}
