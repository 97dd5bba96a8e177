package dev.mana.auth.token;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Refresh tokens and their families in the accounts table. A token is kept only as the
 * SHA-256 of its text ({@code REFRESH#hash}) with its family, account, expiry and, once
 * rotated, when it was used. A family ({@code RFAMILY#rfam_...}) is every token descended
 * from one login; revoking it stops them all. Items carry {@code ttl}; reads check it
 * themselves, since DynamoDB deletes expired items up to days late.
 */
public final class RefreshTokenStore {
    private static final String TOKEN = "REFRESH";
    private static final String FAMILY = "RFAMILY";

    public record StoredToken(String hash, String familyId, String accountId, Instant expiresAt, Instant usedAt) {}

    public record Family(String familyId, String accountId, boolean revoked) {}

    /** The outcome of a single-use rotation. */
    public enum Rotation {
        ROTATED,
        ALREADY_USED,
        FAMILY_REVOKED
    }

    private final DynamoDbClient dynamo;
    private final String table;

    public RefreshTokenStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A new family (a login) with its first token. */
    public void startFamily(String familyId, String accountId, String hash, Instant expiresAt) {
        var family = new HashMap<String, AttributeValue>(key(FAMILY, familyId));
        family.put("accountId", s(accountId));
        family.put("revoked", AttributeValue.fromBool(false));
        family.put("ttl", n(expiresAt.getEpochSecond()));
        dynamo.transactWriteItems(
                b -> b.transactItems(putNew(family), putNew(tokenItem(hash, familyId, accountId, expiresAt))));
    }

    public Optional<StoredToken> find(String hash, Instant now) {
        return get(TOKEN, hash, now)
                .map(item -> new StoredToken(
                        hash,
                        item.get("familyId").s(),
                        item.get("accountId").s(),
                        Instant.ofEpochSecond(Long.parseLong(item.get("ttl").n())),
                        item.containsKey("usedAt")
                                ? Instant.ofEpochSecond(
                                        Long.parseLong(item.get("usedAt").n()))
                                : null));
    }

    public Optional<Family> family(String familyId, Instant now) {
        return get(FAMILY, familyId, now)
                .map(item -> new Family(
                        familyId, item.get("accountId").s(), item.get("revoked").bool()));
    }

    /**
     * Marks {@code old} used and stores its successor, in one transaction that also requires
     * the family to be live and pushes the family's expiry to the successor's.
     */
    public Rotation rotate(StoredToken old, String newHash, Instant now, Instant expiresAt) {
        var markUsed = TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(TOKEN, old.hash()))
                        .updateExpression("SET usedAt = :now")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(usedAt)")
                        .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))))
                .build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    markUsed,
                    putNew(tokenItem(newHash, old.familyId(), old.accountId(), expiresAt)),
                    extendFamily(old.familyId(), now, expiresAt)));
            return Rotation.ROTATED;
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (reasons.size() == 3
                    && "ConditionalCheckFailed".equals(reasons.get(2).code())) {
                return Rotation.FAMILY_REVOKED;
            }
            return Rotation.ALREADY_USED;
        }
    }

    /** What a retry inside the grace period got. */
    public enum Branch {
        BRANCHED,
        /** The token's one grace retry was already spent: a third use is theft. */
        ALREADY_BRANCHED,
        FAMILY_REVOKED
    }

    /**
     * A second successor for a token retried within the grace period, at most once per token
     * (marked on the token in the same transaction), and only while the family is live.
     */
    public Branch branch(StoredToken used, String newHash, Instant now, Instant expiresAt) {
        var markBranched = TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(TOKEN, used.hash()))
                        .updateExpression("SET branchedAt = :now")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(branchedAt)")
                        .expressionAttributeValues(Map.of(":now", n(now.getEpochSecond()))))
                .build();
        try {
            dynamo.transactWriteItems(b -> b.transactItems(
                    markBranched,
                    putNew(tokenItem(newHash, used.familyId(), used.accountId(), expiresAt)),
                    extendFamily(used.familyId(), now, expiresAt)));
            return Branch.BRANCHED;
        } catch (TransactionCanceledException e) {
            var reasons = e.cancellationReasons();
            if (!reasons.isEmpty()
                    && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                return Branch.ALREADY_BRANCHED;
            }
            return Branch.FAMILY_REVOKED;
        }
    }

    public void revokeFamily(String familyId, Instant now) {
        dynamo.updateItem(b -> b.tableName(table)
                .key(key(FAMILY, familyId))
                .updateExpression("SET revoked = :true, revokedAt = :now")
                .conditionExpression("attribute_exists(pk)")
                .expressionAttributeValues(
                        Map.of(":true", AttributeValue.fromBool(true), ":now", n(now.getEpochSecond())))
                .build());
    }

    private TransactWriteItem extendFamily(String familyId, Instant now, Instant expiresAt) {
        return TransactWriteItem.builder()
                .update(u -> u.tableName(table)
                        .key(key(FAMILY, familyId))
                        .updateExpression("SET #ttl = :ttl")
                        .conditionExpression("attribute_exists(pk) AND revoked = :false AND #ttl > :now")
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(Map.of(
                                ":ttl", n(expiresAt.getEpochSecond()),
                                ":false", AttributeValue.fromBool(false),
                                ":now", n(now.getEpochSecond()))))
                .build();
    }

    private Map<String, AttributeValue> tokenItem(String hash, String familyId, String accountId, Instant expiresAt) {
        var item = new HashMap<String, AttributeValue>(key(TOKEN, hash));
        item.put("familyId", s(familyId));
        item.put("accountId", s(accountId));
        item.put("ttl", n(expiresAt.getEpochSecond()));
        return item;
    }

    private Optional<Map<String, AttributeValue>> get(String type, String id, Instant now) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(type, id)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
        var ttl = response.item().get("ttl");
        if (ttl != null && Long.parseLong(ttl.n()) <= now.getEpochSecond()) return Optional.empty();
        return Optional.of(response.item());
    }

    private TransactWriteItem putNew(Map<String, AttributeValue> item) {
        return TransactWriteItem.builder()
                .put(p -> p.tableName(table).item(item).conditionExpression("attribute_not_exists(pk)"))
                .build();
    }

    private static Map<String, AttributeValue> key(String type, String id) {
        return Map.of("pk", s(type + "#" + id), "sk", s(type));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
