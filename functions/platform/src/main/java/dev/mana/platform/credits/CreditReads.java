package dev.mana.platform.credits;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** Reads the items {@link CreditItems} writes, strongly consistent, and maps them back. */
final class CreditReads {
    private final DynamoDbClient dynamo;
    private final CreditItems items;

    CreditReads(DynamoDbClient dynamo, CreditItems items) {
        this.dynamo = dynamo;
        this.items = items;
    }

    Balance balance(String accountId) {
        var item = get(items.balanceKey(accountId));
        return item.map(i -> new Balance(
                        accountId,
                        balanceOf(i),
                        i.containsKey("held") ? number(i, "held") : 0,
                        instant(i, "updatedAt")))
                .orElse(new Balance(accountId, 0, 0, null));
    }

    /** The balance in an item (the old image a failed condition returns); 0 if there is none. */
    static long balanceOf(Map<String, AttributeValue> item) {
        return item == null || !item.containsKey("balance") ? 0 : number(item, "balance");
    }

    Optional<ChargeItem> charge(String chargeId) {
        return get(items.chargeKey(chargeId)).map(CreditReads::chargeItem);
    }

    /** A charge item: read, or the old image a failed refund condition returns. */
    static ChargeItem chargeItem(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        return new ChargeItem(
                pk.substring(pk.indexOf('#') + 1),
                text(item, "accountId"),
                number(item, "amount"),
                text(item, "reason"),
                instant(item, "createdAt"),
                text(item, "refundId"),
                text(item, "refundReason"),
                instant(item, "refundedAt"));
    }

    Optional<Hold> hold(String holdId) {
        return get(items.holdKey(holdId)).map(CreditReads::holdItem);
    }

    /** A hold item: read, or the old image a failed settle condition returns. */
    static Hold holdItem(Map<String, AttributeValue> item) {
        String pk = item.get("pk").s();
        var captured = item.get("captured");
        var released = item.get("released");
        return new Hold(
                pk.substring(pk.indexOf('#') + 1),
                text(item, "accountId"),
                number(item, "amount"),
                text(item, "reason"),
                Hold.State.valueOf(text(item, "state")),
                instant(item, "createdAt"),
                captured == null ? 0 : Long.parseLong(captured.n()),
                released == null ? 0 : Long.parseLong(released.n()),
                text(item, "chargeId"),
                instant(item, "settledAt"));
    }

    Optional<IdempotencyRecord> idempotency(String op, String accountId, String key, Instant wallClock) {
        return get(items.idempotencyKey(op, accountId, key))
                .map(i -> new IdempotencyRecord(
                        op,
                        accountId,
                        key,
                        number(i, "amount"),
                        i.get("reason").s(),
                        i.get("resultId").s(),
                        instant(i, "createdAt"),
                        Instant.ofEpochSecond(number(i, "ttl"))))
                // TTL deletion lags by up to two days: an expired key is a free key.
                .filter(r -> !r.expiresAt().isBefore(wallClock));
    }

    /** Up to {@code limit} entries older than {@code afterSk} (or the newest), and whether more exist. */
    LedgerPage ledger(String accountId, String afterSk, int limit) {
        var response = dynamo.query(q -> {
            q.tableName(items.table())
                    .consistentRead(true)
                    .keyConditionExpression("pk = :pk AND begins_with(sk, :prefix)")
                    .expressionAttributeValues(Map.of(
                            ":pk", CreditItems.string(CreditItems.accountPk(accountId)),
                            ":prefix", CreditItems.string(CreditItems.LEDGER_PREFIX)))
                    .scanIndexForward(false)
                    .limit(limit + 1);
            if (afterSk != null) {
                q.exclusiveStartKey(CreditItems.key(CreditItems.accountPk(accountId), afterSk));
            }
        });
        var entries = new ArrayList<LedgerEntry>();
        String lastSk = null;
        for (var item : response.items()) {
            if (entries.size() == limit) {
                return new LedgerPage(entries, LedgerCursor.encode(lastSk));
            }
            entries.add(entry(item));
            lastSk = item.get("sk").s();
        }
        // A page cut short by DynamoDB's 1 MB limit still has a successor.
        boolean cut =
                response.hasLastEvaluatedKey() && !response.lastEvaluatedKey().isEmpty();
        return new LedgerPage(entries, cut && lastSk != null ? LedgerCursor.encode(lastSk) : null);
    }

    private static LedgerEntry entry(Map<String, AttributeValue> item) {
        var chargeId = item.get("chargeId");
        return new LedgerEntry(
                item.get("id").s(),
                LedgerEntry.Type.valueOf(item.get("type").s()),
                number(item, "amount"),
                item.get("reason").s(),
                chargeId == null ? null : chargeId.s(),
                instant(item, "createdAt"));
    }

    private Optional<Map<String, AttributeValue>> get(Map<String, AttributeValue> key) {
        var response = dynamo.getItem(g -> g.tableName(items.table()).key(key).consistentRead(true));
        return response.hasItem() && !response.item().isEmpty() ? Optional.of(response.item()) : Optional.empty();
    }

    static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(item.get(name).n());
    }

    static String text(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : value.s();
    }

    static Instant instant(Map<String, AttributeValue> item, String name) {
        var value = item.get(name);
        return value == null ? null : Instant.parse(value.s());
    }
}
