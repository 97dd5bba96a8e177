package dev.mana.auth.credits;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.credits.LedgerEntry;
import java.util.List;

/**
 * {@code GET /v1/credits/ledger?cursor=&limit=}: the caller's movements, newest first. The
 * cursor is opaque and only ever reads the caller's own ledger (the account comes from the
 * authorizer, never from the cursor).
 */
public final class LedgerRoute {
    public record Response(List<LedgerEntry> entries, String nextCursor) {}

    static final int DEFAULT_LIMIT = 20;

    private final CreditLedger ledger;

    public LedgerRoute(CreditLedger ledger) {
        this.ledger = ledger;
    }

    public Route route() {
        return Route.get("/v1/credits/ledger", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        int limit = request.intQuery("limit", 1, 100, DEFAULT_LIMIT);
        var page = ledger.ledger(account, request.query("cursor").orElse(null), limit);
        return ApiResponse.ok(new Response(page.entries(), page.nextCursor()));
    }
}
