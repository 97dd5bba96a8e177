package dev.mana.platform.keys;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * API keys in the keys table. A key item is found by the hash of its secret (what the
 * authorizer does on each call) and listed by account through {@code gsi1}; a counter item per
 * account holds the number of active keys, so the per-account limit holds under concurrent
 * creations.
 */
public final class ApiKeyStore {
    private final DynamoDbClient dynamo;
    private final String table;

    public ApiKeyStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<ApiKey> findByHash(String hash) {
        var item = dynamo.getItem(b -> b.tableName(table).key(keyOf(hash))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(ApiKeyItems.fromItem(item));
    }

    /**
     * Stores a new key for the account unless it already has {@code maxActive} active keys
     * (then 409 {@code conflict} naming the limit).
     */
    public ApiKey create(ApiKey key, String secretHash, int maxActive) {
        for (int attempt = 0; attempt < 2; attempt++) {
            try {
                dynamo.transactWriteItems(b -> b.transactItems(
                        TransactWriteItem.builder()
                                .update(u -> u.tableName(table)
                                        .key(counterKey(key.accountId()))
                                        .updateExpression("SET active = if_not_exists(active, :zero) + :one")
                                        .conditionExpression("attribute_not_exists(active) OR active < :max")
                                        .expressionAttributeValues(Map.of(
                                                ":zero", ApiKeyItems.number(0),
                                                ":one", ApiKeyItems.number(1),
                                                ":max", ApiKeyItems.number(maxActive))))
                                .build(),
                        TransactWriteItem.builder()
                                .put(p -> p.tableName(table)
                                        .item(ApiKeyItems.toItem(key, secretHash))
                                        .conditionExpression("attribute_not_exists(pk)"))
                                .build()));
                return key;
            } catch (TransactionCanceledException e) {
                if (!counterRefused(e)) throw e;
                // Expired keys still sit in the counter: recount once before refusing.
                if (attempt == 0 && resetCounter(key.accountId())) continue;
                throw new ApiException(
                                ErrorCode.CONFLICT,
                                "This account has " + maxActive
                                        + " active keys, the most its tier allows; revoke one first.")
                        .with("limit", maxActive);
            }
        }
        throw new IllegalStateException("unreachable");
    }

    /** The account's keys, newest first (revoked ones included, marked so). */
    public List<ApiKey> list(String accountId) {
        return dynamo
                .queryPaginator(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :account")
                        .expressionAttributeValues(
                                Map.of(":account", ApiKeyItems.text(ApiKeyItems.accountPartition(accountId))))
                        .scanIndexForward(false))
                .items()
                .stream()
                .map(ApiKeyItems::fromItem)
                .toList();
    }

    /**
     * Revokes the account's key {@code keyId}. Empty when the account has no such key (another
     * account's id included), so the caller answers 404 either way.
     */
    public Optional<ApiKey> revoke(String accountId, String keyId) {
        var found = dynamo.query(b -> b.tableName(table)
                        .indexName("gsi1")
                        .keyConditionExpression("gsi1pk = :account")
                        .filterExpression("keyId = :id")
                        .expressionAttributeValues(Map.of(
                                ":account", ApiKeyItems.text(ApiKeyItems.accountPartition(accountId)),
                                ":id", ApiKeyItems.text(keyId))))
                .items();
        if (found.isEmpty()) return Optional.empty();
        var item = found.get(0);
        ApiKey key = ApiKeyItems.fromItem(item);
        if (key.status() == ApiKey.Status.REVOKED) return Optional.of(key);
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    TransactWriteItem.builder()
                            .update(u -> u.tableName(table)
                                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                                    .updateExpression("SET #status = :revoked")
                                    .conditionExpression("#status = :active AND accountId = :account")
                                    .expressionAttributeNames(Map.of("#status", "status"))
                                    .expressionAttributeValues(Map.of(
                                            ":revoked", ApiKeyItems.text(ApiKey.Status.REVOKED.name()),
                                            ":active", ApiKeyItems.text(ApiKey.Status.ACTIVE.name()),
                                            ":account", ApiKeyItems.text(accountId))))
                            .build(),
                    TransactWriteItem.builder()
                            .update(u -> u.tableName(table)
                                    .key(counterKey(accountId))
                                    .updateExpression("SET active = active - :one")
                                    .conditionExpression("active > :zero")
                                    .expressionAttributeValues(
                                            Map.of(":one", ApiKeyItems.number(1), ":zero", ApiKeyItems.number(0))))
                            .build()));
        } catch (TransactionCanceledException raced) {
            // A concurrent revoke won; the key is revoked either way.
        }
        return Optional.of(withStatus(key, ApiKey.Status.REVOKED));
    }

    /** Records a use; callers rate-limit this (the authorizer does it once per cache refresh). */
    public void touch(String secretHash, Instant when) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(keyOf(secretHash))
                .updateExpression("SET lastUsedAt = :when")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(Map.of(":when", ApiKeyItems.text(when.toString()))));
    }

    private boolean resetCounter(String accountId) {
        Instant now = Instant.now();
        long active = list(accountId).stream().filter(k -> k.usableAt(now)).count();
        var values = new HashMap<String, AttributeValue>();
        values.put(":count", ApiKeyItems.number(active));
        dynamo.updateItem(b -> b.tableName(table)
                .key(counterKey(accountId))
                .updateExpression("SET active = :count")
                .expressionAttributeValues(values));
        return true;
    }

    private static boolean counterRefused(TransactionCanceledException e) {
        List<CancellationReason> reasons = e.cancellationReasons();
        return !reasons.isEmpty()
                && "ConditionalCheckFailed".equals(reasons.get(0).code());
    }

    private static ApiKey withStatus(ApiKey k, ApiKey.Status status) {
        return new ApiKey(
                k.keyId(),
                k.accountId(),
                k.tier(),
                k.name(),
                k.prefix(),
                status,
                k.createdAt(),
                k.expiresAt(),
                k.lastUsedAt(),
                k.gatewayKeyId());
    }

    private static Map<String, AttributeValue> keyOf(String hash) {
        return Map.of("pk", ApiKeyItems.text("key#" + hash), "sk", ApiKeyItems.text("key"));
    }

    private static Map<String, AttributeValue> counterKey(String accountId) {
        return Map.of(
                "pk", ApiKeyItems.text(ApiKeyItems.accountPartition(accountId)), "sk", ApiKeyItems.text("keycount"));
    }
}
