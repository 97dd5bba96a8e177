package dev.mana.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.mana.platform.Headers;
import dev.mana.platform.Log;
import dev.mana.platform.jwt.JwtRejected;
import dev.mana.platform.jwt.JwtVerifier;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Decides one request: an API key ({@code x-api-key}, or {@code Authorization: Bearer
 * mana_live_...} as OpenAI SDKs send it) becomes an Allow with the account, key and tier in the
 * context and the key as {@code usageIdentifierKey}, so API Gateway applies the key's usage
 * plan. A Bearer JWT (an access token of the accounts service) is verified against the KMS
 * public keys and allowed with the account and tier, but no usage key: routes metered by a
 * usage plan need an API key. No credentials: "Unauthorized" (API Gateway answers 401). An
 * unknown, revoked or expired key, or a token that fails verification: Deny (403).
 */
final class RequestAuthorizer implements Function<APIGatewayCustomAuthorizerEvent, IamPolicyResponseV1> {
    /** The error message that makes API Gateway answer 401 (its UNAUTHORIZED gateway response). */
    static final String UNAUTHORIZED = "Unauthorized";

    private final CachedKeys keys;
    private final JwtVerifier tokens;
    private final Clock clock;

    RequestAuthorizer(CachedKeys keys, JwtVerifier tokens, Clock clock) {
        this.keys = keys;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public IamPolicyResponseV1 apply(APIGatewayCustomAuthorizerEvent event) {
        Headers headers = Headers.of(event.getHeaders());
        Optional<String> apiKey = headers.get("x-api-key").map(String::trim).filter(v -> !v.isEmpty());
        Optional<String> bearer = headers.get("Authorization")
                .map(String::trim)
                .filter(v -> v.regionMatches(true, 0, "Bearer ", 0, 7))
                .map(v -> v.substring(7).trim());
        if (apiKey.isEmpty() && bearer.isPresent() && bearer.get().startsWith(ApiKeySecret.PREFIX)) {
            apiKey = bearer;
        }
        if (apiKey.isPresent()) return byApiKey(apiKey.get(), event.getMethodArn());
        if (bearer.isPresent()) return byToken(bearer.get(), event.getMethodArn());
        throw new IllegalStateException(UNAUTHORIZED);
    }

    private IamPolicyResponseV1 byApiKey(String secret, String methodArn) {
        if (!ApiKeySecret.looksLikeKey(secret)) {
            Log.info("authorizer refused", "reason", "malformed key");
            return deny(methodArn);
        }
        Optional<ApiKey> key = keys.find(ApiKeySecret.hash(secret));
        if (key.isEmpty() || !key.get().usableAt(clock.instant())) {
            Log.info(
                    "authorizer refused",
                    "reason",
                    key.isEmpty() ? "unknown key" : "revoked or expired key",
                    "keyId",
                    key.map(ApiKey::keyId).orElse(null));
            return deny(methodArn);
        }
        ApiKey k = key.get();
        Log.info("authorizer allowed", "accountId", k.accountId(), "keyId", k.keyId());
        return IamPolicyResponseV1.builder()
                .withPrincipalId(k.accountId())
                .withPolicyDocument(policy("Allow", methodArn))
                .withContext(Map.<String, Object>of("accountId", k.accountId(), "keyId", k.keyId(), "tier", k.tier()))
                .withUsageIdentifierKey(secret)
                .build();
    }

    private IamPolicyResponseV1 byToken(String token, String methodArn) {
        Map<String, Object> claims;
        try {
            claims = tokens.verify(token);
        } catch (JwtRejected e) {
            Log.info("authorizer refused", "reason", e.reason().code());
            return deny(methodArn);
        }
        String accountId = String.valueOf(claims.get("sub"));
        Log.info("authorizer allowed", "accountId", accountId, "via", "jwt");
        return IamPolicyResponseV1.builder()
                .withPrincipalId(accountId)
                .withPolicyDocument(policy("Allow", methodArn))
                .withContext(Map.<String, Object>of("accountId", accountId, "tier", String.valueOf(claims.get("tier"))))
                .build();
    }

    private static IamPolicyResponseV1 deny(String methodArn) {
        return IamPolicyResponseV1.builder()
                .withPrincipalId("anonymous")
                .withPolicyDocument(policy("Deny", methodArn))
                .build();
    }

    private static IamPolicyResponseV1.PolicyDocument policy(String effect, String methodArn) {
        return IamPolicyResponseV1.PolicyDocument.builder()
                .withVersion(IamPolicyResponseV1.VERSION_2012_10_17)
                .withStatement(List.of(IamPolicyResponseV1.Statement.builder()
                        .withAction(IamPolicyResponseV1.EXECUTE_API_INVOKE)
                        .withEffect(effect)
                        .withResource(List.of(methodArn == null ? "*" : methodArn))
                        .build()))
                .build();
    }
}
