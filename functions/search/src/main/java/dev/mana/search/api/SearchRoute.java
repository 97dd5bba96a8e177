package dev.mana.search.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import dev.mana.search.EngineStatus;
import dev.mana.search.MetaSearch;
import dev.mana.search.SearchRequest;
import dev.mana.search.SearchResponse;
import dev.mana.search.SearchValidationException;

/**
 * {@code POST /v1/search}: body {@link SearchRequest} ({@code {query, options?}}), answer
 * {@link SearchResponse} ({@code {query, results, engines, cached, tookMs}}). Bad input is refused
 * before anything is charged: the platform's strict JSON reading answers 400 for malformed JSON,
 * wrong types and unknown fields, and the search's own checks answer 422 naming the field. An
 * answer is charged one credit (cache hits and partial answers too), with the client's {@code
 * Idempotency-Key} passed on; when no engine answered it is 502 {@code upstream_failed} with the
 * engine reports, and nothing is charged.
 */
public final class SearchRoute {

    /** A search body is a query of at most 500 characters and a few options. */
    static final int MAX_BODY_BYTES = 32 * 1024;
    /** Credits one search costs, cache hits included. */
    static final long PRICE = 1;

    static final String SERVICE = "search";

    private final MetaSearch search;
    private final Billing billing;

    public SearchRoute(MetaSearch search, Billing billing) {
        this.search = search;
        this.billing = billing;
    }

    public Route route() {
        return Route.post("/v1/search", this::handle).maxBodyBytes(MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        SearchRequest body = request.json(SearchRequest.class);
        try {
            search.validate(body);
        } catch (SearchValidationException e) {
            throw ApiException.field(ErrorCode.INVALID_FIELD, e.field(), e.getMessage());
        }
        // A caller without credits costs no upstream call; the charge itself waits for an answer.
        billing.requireBalance(request, PRICE, "A search");
        SearchResponse response = search.search(body);
        if (!response.cached() && noEngineAnswered(response)) {
            throw new ApiException(
                            ErrorCode.UPSTREAM_FAILED,
                            "No search engine answered (see engines); nothing was charged. Try again shortly.")
                    .with("engines", response.engines());
        }
        Charged charged = billing.charge(request, SERVICE, PRICE, "search");
        return charged.onto(ApiResponse.ok(response));
    }

    /** Every engine failed, timed out or was skipped: an empty answer that is no answer. */
    private static boolean noEngineAnswered(SearchResponse response) {
        return response.engines().values().stream().noneMatch(r -> r.status() == EngineStatus.OK);
    }
}
