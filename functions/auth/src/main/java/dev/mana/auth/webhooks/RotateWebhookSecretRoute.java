package dev.mana.auth.webhooks;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.webhooks.WebhookSecrets;
import java.time.Clock;
import java.time.Instant;

/**
 * {@code POST /v1/webhooks/secret}: a new signing secret for the caller's job webhooks, shown
 * this once. The previous secret keeps signing beside it for 24 hours (Standard Webhooks sends
 * one signature per secret), so receivers can switch without missing a delivery.
 */
public final class RotateWebhookSecretRoute {
    public record Response(String secret, Instant createdAt, Instant previousValidUntil) {}

    private final WebhookSecrets secrets;
    private final Clock clock;

    public RotateWebhookSecretRoute(WebhookSecrets secrets, Clock clock) {
        this.secrets = secrets;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/webhooks/secret", this::handle).maxBodyBytes(1024);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireSession().accountId();
        Instant now = clock.instant();
        String secret = secrets.rotate(account);
        boolean hadPrevious = secrets.signing(account).size() > 1;
        return ApiResponse.json(
                        201, new Response(secret, now, hadPrevious ? now.plus(WebhookSecrets.ROTATION_OVERLAP) : null))
                .withHeader("Cache-Control", "no-store");
    }
}
