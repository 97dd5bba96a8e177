package dev.mana.auth.credits;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.credits.CreditLedger;
import java.time.Instant;

/** {@code GET /v1/credits/balance}: the caller's credits now (0 for an account never credited). */
public final class BalanceRoute {
    public record Response(String accountId, long balance, Instant updatedAt) {}

    private final CreditLedger ledger;

    public BalanceRoute(CreditLedger ledger) {
        this.ledger = ledger;
    }

    public Route route() {
        return Route.get("/v1/credits/balance", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        var balance = ledger.balance(request.requireCaller().accountId());
        return ApiResponse.ok(new Response(balance.accountId(), balance.balance(), balance.updatedAt()));
    }
}
