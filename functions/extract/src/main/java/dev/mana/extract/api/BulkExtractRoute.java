package dev.mana.extract.api;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.mana.extract.service.BulkExtraction;
import dev.mana.extract.service.BulkExtraction.Outcome;
import dev.mana.extract.service.ExtractSettings;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import dev.mana.platform.Problems;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.billing.Charged;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code POST /v1/extract/bulk}: body {@code {urls, options?}} with 1 to 20 URLs; answer {@code
 * {results, succeeded, failed}} with one entry per URL in input order, each the answer of {@code
 * POST /v1/extract} or a problem object (with the {@code url}). A bad or failing URL is its own
 * problem and never fails the others. Each success is charged on its own (the Idempotency-Key,
 * when sent, suffixed {@code #index}); a URL the balance cannot pay for becomes a 402 problem.
 */
public final class BulkExtractRoute {

    /** The request for many URLs. */
    public record BulkExtractRequest(List<String> urls, OptionsBody options) {}

    /** The answer: one result per URL, in order. */
    public record BulkExtractResponse(List<JsonNode> results, int succeeded, int failed) {}

    static final int MAX_URLS = 20;
    /** 20 URLs of 2 KiB and the options. */
    static final int MAX_BODY_BYTES = 128 * 1024;

    private final BulkExtraction extraction;
    private final ExtractBilling billing;

    BulkExtractRoute(BulkExtraction extraction, ExtractBilling billing) {
        this.extraction = extraction;
        this.billing = billing;
    }

    public Route route() {
        return Route.post("/v1/extract/bulk", this::handle).maxBodyBytes(MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        BulkExtractRequest body = request.json(BulkExtractRequest.class);
        if (body.urls() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "urls", "The field 'urls' is required.");
        }
        if (body.urls().isEmpty() || body.urls().size() > MAX_URLS) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            "urls",
                            "Send 1 to " + MAX_URLS + " URLs; this request has "
                                    + body.urls().size() + ". For more, use a batch job.")
                    .with("limit", MAX_URLS);
        }
        ExtractSettings settings = OptionsBody.settings(body.options());
        Billing.checkIdempotencyKey(request);
        long remaining = billing.requireCredits(request);

        List<Outcome> outcomes = extraction.extractAll(body.urls(), settings);
        List<Charged> paid = new ArrayList<>();
        try {
            return answer(request, body.urls(), outcomes, paid, remaining);
        } catch (RuntimeException e) {
            if (!(e instanceof ApiException)) {
                // The caller gets no answer: the URLs already charged are given back, so a retry
                // (with or without an Idempotency-Key) never pays twice for one result.
                Log.error("bulk extraction failed after charging; refunding", e, "charges", paid.size());
                billing.refund(paid);
            }
            throw e;
        }
    }

    private ApiResponse answer(
            ApiRequest request, List<String> urls, List<Outcome> outcomes, List<Charged> paid, long remaining) {
        List<JsonNode> results = new ArrayList<>();
        long charged = 0;
        int succeeded = 0;
        for (int i = 0; i < outcomes.size(); i++) {
            Outcome outcome = outcomes.get(i);
            String url = urls.get(i);
            if (outcome.ok()) {
                try {
                    Charged charge = billing.charge(request, i);
                    paid.add(charge);
                    charged += charge.credits();
                    remaining = Math.min(remaining, charge.remaining());
                    results.add(Json.mapper().valueToTree(outcome.result()));
                    succeeded++;
                    continue;
                } catch (ApiException unpaid) {
                    outcome = new Outcome(null, unpaid);
                }
            }
            results.add(problem(outcome.problem(), url, request.requestId()));
        }
        var answer = new BulkExtractResponse(results, succeeded, outcomes.size() - succeeded);
        return ApiResponse.ok(answer)
                .withHeader("X-Credits-Charged", Long.toString(charged))
                .withHeader("X-Credits-Remaining", Long.toString(remaining));
    }

    /** The problem object the platform renders for {@code error}, led by the URL it is about. */
    private static JsonNode problem(ApiException error, String url, String requestId) {
        try {
            ObjectNode node = Json.mapper().createObjectNode();
            node.put("url", url);
            node.setAll((ObjectNode) Json.mapper()
                    .readTree(Problems.render(error, requestId, null).body()));
            return node;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
