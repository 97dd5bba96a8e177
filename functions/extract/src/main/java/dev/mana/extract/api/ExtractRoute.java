package dev.mana.extract.api;

import dev.mana.extract.service.ExtractResult;
import dev.mana.extract.service.ExtractSettings;
import dev.mana.extract.service.PageExtraction;
import dev.mana.extract.service.RequestedUrl;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;

/**
 * {@code POST /v1/extract}: body {@code {url, options?}}, answer {@link ExtractResult}. Bad input is
 * refused before anything is fetched or charged (400 for JSON, types and unknown fields; 422
 * naming the field); a caller with no credit is refused (402) before the fetch; the credit is
 * charged once the page is extracted, cache hits included.
 */
public final class ExtractRoute {

    /** The request for one URL. */
    public record ExtractRequest(String url, OptionsBody options) {}

    /** A URL of 2 KiB and a few options; 64 KiB leaves room for long selector lists. */
    static final int MAX_BODY_BYTES = 64 * 1024;

    private final PageExtraction extraction;
    private final ExtractBilling billing;

    ExtractRoute(PageExtraction extraction, ExtractBilling billing) {
        this.extraction = extraction;
        this.billing = billing;
    }

    public Route route() {
        return Route.post("/v1/extract", this::handle).maxBodyBytes(MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        ExtractRequest body = request.json(ExtractRequest.class);
        if (body.url() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "url", "The field 'url' is required.");
        }
        RequestedUrl url = RequestedUrl.check(body.url(), "url");
        ExtractSettings settings = OptionsBody.settings(body.options());
        Billing.checkIdempotencyKey(request);
        billing.requireCredits(request);
        ExtractResult result = extraction.extract(url, settings, "url");
        Charged charged = billing.charge(request);
        return charged.onto(ApiResponse.ok(result));
    }
}
