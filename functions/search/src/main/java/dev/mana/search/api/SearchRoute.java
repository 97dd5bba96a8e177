package dev.mana.search.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import dev.mana.search.MetaSearch;
import dev.mana.search.SearchRequest;
import dev.mana.search.SearchResponse;
import dev.mana.search.SearchValidationException;

/**
 * {@code POST /v1/search}: body {@link SearchRequest} ({@code {query, options?}}), answer
 * {@link SearchResponse} ({@code {query, results, engines, cached, tookMs}}). Bad input is refused
 * before anything is charged: the platform's strict JSON reading answers 400 for malformed JSON,
 * wrong types and unknown fields, and the search's own checks answer 422 naming the field. Then
 * one credit is charged (cache hits too), with the client's {@code Idempotency-Key} passed on.
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
        // Charged before the engines are asked: a caller without credits costs no upstream call.
        Charged charged = billing.charge(request, SERVICE, PRICE, "search");
        return charged.onto(ApiResponse.ok(search.search(body)));
    }
}
