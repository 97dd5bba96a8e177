package dev.mana.auth.billing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.auth.account.AccountStore;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import dev.mana.platform.credits.CreditLedger;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code POST /v1/billing/stripe/webhook}: Stripe's events, no authorizer. The signature is
 * checked over the raw body before anything is parsed. A checkout whose session's {@code
 * payment_status} is {@code paid}, announced by {@code checkout.session.completed} (card) or
 * {@code checkout.session.async_payment_succeeded} (delayed methods, whose completed event says
 * {@code unpaid}), credits the account in the session's {@code client_reference_id} (or {@code
 * metadata.accountId}) with {@code metadata.credits}, as one ledger grant whose idempotency key
 * is the session id: redeliveries and both events credit once. Other events, and unpaid
 * sessions, answer 200, ignored. A signed event we cannot apply (no such account, no credits) is a 422, so Stripe
 * keeps retrying and its dashboard shows the failure until someone fixes the checkout setup.
 */
public final class StripeWebhookRoute {
    public record Response(boolean received, String eventId, String type, boolean ignored, Long credits) {}

    static final String CHECKOUT_COMPLETED = "checkout.session.completed";
    static final String ASYNC_PAYMENT_SUCCEEDED = "checkout.session.async_payment_succeeded";
    /** The events that credit a checkout, each only when its session's payment_status is paid. */
    static final Set<String> GRANTING = Set.of(CHECKOUT_COMPLETED, ASYNC_PAYMENT_SUCCEEDED);

    static final String PAID = "paid";
    /** Stripe's own payloads stay far below this; a larger one is not from Stripe. */
    static final int MAX_BODY = 256 * 1024;

    private static final Pattern EVENT_ID = Pattern.compile("evt_[A-Za-z0-9]{1,250}");
    private static final Pattern SESSION_ID = Pattern.compile("cs_[A-Za-z0-9_]{1,180}");
    private static final Pattern ACCOUNT_ID = Pattern.compile("acct_[A-Za-z0-9_-]{1,59}");
    private static final long MAX_CREDITS = 1_000_000_000L;

    private final Optional<StripeSignature> signature;
    private final CreditLedger ledger;
    private final AccountStore accounts;

    /** {@code signature} empty when no signing secret is configured: every event is then refused. */
    public StripeWebhookRoute(Optional<StripeSignature> signature, CreditLedger ledger, AccountStore accounts) {
        this.signature = signature;
        this.ledger = ledger;
        this.accounts = accounts;
    }

    public Route route() {
        return Route.post("/v1/billing/stripe/webhook", this::handle).maxBodyBytes(MAX_BODY);
    }

    private ApiResponse handle(ApiRequest request) {
        String header = request.header("Stripe-Signature").orElse(null);
        if (header == null || header.isBlank()) throw badSignature("The Stripe-Signature header is missing.");
        if (signature.isEmpty()) {
            Log.warn("stripe webhook refused: STRIPE_WEBHOOK_SECRET is not configured");
            throw new ApiException(ErrorCode.UNAVAILABLE, "Stripe webhooks are not configured on this deployment.");
        }
        try {
            signature.get().verify(header, request.body());
        } catch (StripeSignature.Refused e) {
            Log.info("stripe webhook refused", "reason", e.failure().name());
            throw badSignature(
                    e.failure() == StripeSignature.Failure.TIMESTAMP_OUTSIDE_TOLERANCE
                            ? "The Stripe-Signature timestamp is more than 5 minutes from now."
                            : "The Stripe-Signature header does not match the body.");
        }
        JsonNode event = parse(request.body());
        String eventId = event.path("id").asText("");
        String type = event.path("type").asText("");
        if (!EVENT_ID.matcher(eventId).matches()) throw invalid("id", "The event has no valid id.");
        Log.putContext("stripeEventId", eventId);
        JsonNode session = event.path("data").path("object");
        if (!GRANTING.contains(type)
                || !PAID.equals(session.path("payment_status").asText(""))) {
            // An unpaid completed checkout (a delayed method such as SEPA) is credited by its
            // async_payment_succeeded event; a failed one never is.
            Log.info(
                    "stripe event not credited",
                    "type",
                    type,
                    "paymentStatus",
                    session.path("payment_status").asText(""));
            return ApiResponse.ok(new Response(true, eventId, type, true, null));
        }
        String sessionId = session.path("id").asText("");
        if (!SESSION_ID.matcher(sessionId).matches()) throw invalid("id", "The checkout session has no valid id.");
        String account = account(session);
        long credits = credits(session.path("metadata").path("credits"));
        if (accounts.find(account).isEmpty()) {
            throw invalid("client_reference_id", "The checkout session names no existing account.");
        }
        // Keyed by the session: redeliveries, and a session's two events, credit it once.
        ledger.grant(account, credits, "Stripe checkout " + sessionId, "stripe-checkout:" + sessionId);
        Log.info("stripe top-up credited", "accountId", account, "credits", credits);
        return ApiResponse.ok(new Response(true, eventId, type, false, credits));
    }

    private static String account(JsonNode session) {
        String account = session.path("client_reference_id").asText("");
        if (account.isEmpty())
            account = session.path("metadata").path("accountId").asText("");
        if (!ACCOUNT_ID.matcher(account).matches()) {
            throw invalid(
                    "client_reference_id",
                    "The checkout session names no account in client_reference_id or metadata.accountId.");
        }
        return account;
    }

    /** Stripe metadata values are strings: "500". */
    private static long credits(JsonNode value) {
        String text = value.isTextual() || value.isIntegralNumber() ? value.asText() : "";
        if (text.isEmpty() || text.length() > 10 || !text.chars().allMatch(Character::isDigit)) {
            throw invalid("metadata.credits", "The checkout session's metadata.credits must be a whole number.");
        }
        long credits = Long.parseLong(text);
        if (credits < 1 || credits > MAX_CREDITS) {
            throw invalid("metadata.credits", "The checkout session's metadata.credits must be 1 to 1000000000.");
        }
        return credits;
    }

    private static JsonNode parse(byte[] body) {
        try {
            JsonNode node = Json.mapper().readTree(body);
            if (node == null || !node.isObject()) throw new IOException("not an object");
            return node;
        } catch (IOException e) {
            throw new ApiException(ErrorCode.MALFORMED_JSON, "The event is not a JSON object.");
        }
    }

    private static ApiException badSignature(String message) {
        return new ApiException(ErrorCode.INVALID_PARAMETER, message).with("parameter", "Stripe-Signature");
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message);
    }
}
