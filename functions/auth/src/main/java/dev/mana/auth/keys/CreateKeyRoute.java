package dev.mana.auth.keys;

import dev.mana.auth.Fields;
import dev.mana.auth.Ids;
import dev.mana.auth.tier.Tiers;
import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Caller;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * {@code POST /v1/keys}: a new API key, its secret shown once. The key is created in API
 * Gateway on the tier's usage plan first, then stored (hash, prefix) under the tier's
 * active-key limit; a refused store deletes the API Gateway key again.
 */
public final class CreateKeyRoute {
    public record Request(String name, String expiresAt) {}

    public record Response(String id, String key, String name, String prefix, Instant createdAt, Instant expiresAt) {}

    static final int MAX_NAME = 100;
    /** Longer than any sane rotation period; past it, a typo in the year is likelier. */
    static final Duration MAX_LIFETIME = Duration.ofDays(3 * 366);

    private final ApiKeyStore keys;
    private final GatewayKeys gateway;
    private final Tiers tiers;
    private final Clock clock;

    public CreateKeyRoute(ApiKeyStore keys, GatewayKeys gateway, Tiers tiers, Clock clock) {
        this.keys = keys;
        this.gateway = gateway;
        this.tiers = tiers;
        this.clock = clock;
    }

    public Route route() {
        return Route.post("/v1/keys", this::handle).maxBodyBytes(4096);
    }

    private ApiResponse handle(ApiRequest request) {
        Caller caller = request.requireSession();
        Request body = request.json(Request.class);
        String name = Fields.text(body.name(), "name", MAX_NAME).strip();
        if (name.isEmpty()) {
            throw ApiException.field(ErrorCode.INVALID_FIELD, "name", "The field 'name' must not be blank.");
        }
        Instant now = clock.instant();
        Instant expiresAt = expiresAt(body.expiresAt(), now);
        Tiers.Tier tier = tiers.of(caller.tier());

        String secret = ApiKeySecret.generate();
        String keyId = Ids.random("key");
        String gatewayKeyId = gateway.create(keyId, secret, tier.usagePlanName());
        var key = new ApiKey(
                keyId,
                caller.accountId(),
                tier.name(),
                name,
                ApiKeySecret.displayPrefix(secret),
                ApiKey.Status.ACTIVE,
                now,
                expiresAt,
                null,
                gatewayKeyId);
        try {
            keys.create(key, ApiKeySecret.hash(secret), tier.maxKeys());
        } catch (RuntimeException e) {
            gateway.delete(gatewayKeyId);
            throw e;
        }
        Log.putContext("keyId", keyId);
        return ApiResponse.json(201, new Response(keyId, secret, name, key.prefix(), key.createdAt(), key.expiresAt()));
    }

    private static Instant expiresAt(String value, Instant now) {
        if (value == null) return null;
        Instant at;
        try {
            at = Instant.parse(Fields.text(value, "expiresAt", 64));
        } catch (DateTimeParseException e) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "expiresAt",
                    "The field 'expiresAt' must be an ISO-8601 UTC time such as 2027-01-31T00:00:00Z.");
        }
        if (!at.isAfter(now) || at.isAfter(now.plus(MAX_LIFETIME))) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "expiresAt",
                    "The field 'expiresAt' must be in the future and at most " + MAX_LIFETIME.toDays() + " days away.");
        }
        return at;
    }
}
