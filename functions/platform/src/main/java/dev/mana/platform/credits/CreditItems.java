package dev.mana.platform.credits;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * The item shapes of the credits table, and the only place that builds them. One partition
 * per account holds its balance and its ledger; charges and idempotency keys have their own
 * items, so a refund and a replay find them by id alone.
 *
 * <pre>
 * pk                          sk                          what
 * acct#{accountId}            balance                     balance (spendable), held, updatedAt
 * acct#{accountId}            ledger#{time}#{id}          id, type, amount (signed), reason, chargeId?, createdAt
 * charge#{chargeId}           charge                      accountId, amount, reason, createdAt, refund*?
 * hold#{holdId}               hold                        accountId, amount, reason, state, createdAt,
 *                                                         captured?, released?, chargeId?, settledAt?
 * idem#{op}#{account}#{key}   idem                        op, amount, reason, resultId, createdAt, ttl
 * </pre>
 *
 * A hold moves credits out of {@code balance} into {@code held} at once, so {@code balance} is
 * always what can be spent and a charge's condition stays {@code balance >= amount}. Its item's
 * {@code state} moves once, from HELD, under a condition: that is what makes capture and release
 * happen exactly once.
 */
final class CreditItems {
    static final String LEDGER_PREFIX = "ledger#";
    private static final String BALANCE_SK = "balance";

    private final String table;

    CreditItems(String table) {
        this.table = table;
    }

    String table() {
        return table;
    }

    static String accountPk(String accountId) {
        return "acct#" + accountId;
    }

    Map<String, AttributeValue> balanceKey(String accountId) {
        return key(accountPk(accountId), BALANCE_SK);
    }

    Map<String, AttributeValue> chargeKey(String chargeId) {
        return key("charge#" + chargeId, "charge");
    }

    Map<String, AttributeValue> holdKey(String holdId) {
        return key("hold#" + holdId, "hold");
    }

    Map<String, AttributeValue> idempotencyKey(String op, String accountId, String key) {
        return key("idem#" + op + "#" + accountId + "#" + key, "idem");
    }

    /** Takes {@code amount} from a balance that exists and holds at least that much. */
    TransactWriteItem debit(String accountId, long amount, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(balanceKey(accountId))
                        .updateExpression("SET #b = #b - :amount, #u = :now")
                        .conditionExpression("attribute_exists(pk) AND #b >= :amount")
                        .expressionAttributeNames(Map.of("#b", "balance", "#u", "updatedAt"))
                        .expressionAttributeValues(Map.of(":amount", number(amount), ":now", string(now)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    /** Adds {@code amount}, creating the balance item if the account has none yet. */
    TransactWriteItem credit(String accountId, long amount, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(balanceKey(accountId))
                        .updateExpression("ADD #b :amount SET #u = :now")
                        .expressionAttributeNames(Map.of("#b", "balance", "#u", "updatedAt"))
                        .expressionAttributeValues(Map.of(":amount", number(amount), ":now", string(now)))
                        .build())
                .build();
    }

    /** Moves {@code amount} from spendable to held, if the balance has that much. */
    TransactWriteItem reserve(String accountId, long amount, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(balanceKey(accountId))
                        .updateExpression("SET #b = #b - :amount, #u = :now ADD #h :amount")
                        .conditionExpression("attribute_exists(pk) AND #b >= :amount")
                        .expressionAttributeNames(Map.of("#b", "balance", "#h", "held", "#u", "updatedAt"))
                        .expressionAttributeValues(Map.of(":amount", number(amount), ":now", string(now)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    /** Ends a hold on the balance: {@code held} loses the hold, {@code balance} gains {@code back}. */
    TransactWriteItem unreserve(String accountId, long held, long back, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(balanceKey(accountId))
                        .updateExpression("ADD #b :back, #h :minus SET #u = :now")
                        .expressionAttributeNames(Map.of("#b", "balance", "#h", "held", "#u", "updatedAt"))
                        .expressionAttributeValues(
                                Map.of(":back", number(back), ":minus", number(-held), ":now", string(now)))
                        .build())
                .build();
    }

    TransactWriteItem holdItem(Hold hold) {
        var item = holdKey(hold.holdId());
        item.put("accountId", string(hold.accountId()));
        item.put("amount", number(hold.amount()));
        item.put("reason", string(hold.reason()));
        item.put("state", string(Hold.State.HELD.name()));
        item.put("createdAt", string(hold.createdAt()));
        return put(item, "attribute_not_exists(pk)", Map.of(), Map.of());
    }

    /** Moves a hold from HELD to {@code settled}, unless it has moved; on failure the old item comes back. */
    TransactWriteItem settleMark(Hold settled) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":held", string(Hold.State.HELD.name()));
        values.put(":state", string(settled.state().name()));
        values.put(":captured", number(settled.captured()));
        values.put(":released", number(settled.released()));
        values.put(":now", string(settled.settledAt()));
        String set = "SET #s = :state, captured = :captured, released = :released, settledAt = :now";
        if (settled.chargeId() != null) {
            values.put(":charge", string(settled.chargeId()));
            set += ", chargeId = :charge";
        }
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(holdKey(settled.holdId()))
                        .updateExpression(set)
                        .conditionExpression("attribute_exists(pk) AND #s = :held")
                        .expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(values)
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    TransactWriteItem ledgerEntry(String accountId, LedgerEntry entry) {
        var item = key(accountPk(accountId), ledgerSk(entry.createdAt(), entry.id()));
        item.put("id", string(entry.id()));
        item.put("type", string(entry.type().name()));
        item.put("amount", number(entry.amount()));
        item.put("reason", string(entry.reason()));
        item.put("createdAt", string(entry.createdAt()));
        if (entry.chargeId() != null) item.put("chargeId", string(entry.chargeId()));
        return put(item, null, Map.of(), Map.of());
    }

    static String ledgerSk(Instant createdAt, String id) {
        return LEDGER_PREFIX + LedgerIds.sortable(createdAt) + "#" + id;
    }

    /** The charge's own item, which a refund marks. */
    TransactWriteItem chargeItem(Charge charge) {
        var item = chargeKey(charge.chargeId());
        item.put("accountId", string(charge.accountId()));
        item.put("amount", number(charge.amount()));
        item.put("reason", string(charge.reason()));
        item.put("createdAt", string(charge.createdAt()));
        return put(item, "attribute_not_exists(pk)", Map.of(), Map.of());
    }

    /** Marks a charge refunded, unless it already is; on failure the old item comes back. */
    TransactWriteItem refundMark(String chargeId, String refundId, String reason, Instant now) {
        return TransactWriteItem.builder()
                .update(Update.builder()
                        .tableName(table)
                        .key(chargeKey(chargeId))
                        .updateExpression("SET refundId = :id, refundReason = :reason, refundedAt = :now")
                        .conditionExpression("attribute_exists(pk) AND attribute_not_exists(refundId)")
                        .expressionAttributeValues(
                                Map.of(":id", string(refundId), ":reason", string(reason), ":now", string(now)))
                        .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)
                        .build())
                .build();
    }

    /** Claims an idempotency key: succeeds if it is new or its window has passed. */
    TransactWriteItem idempotency(IdempotencyRecord record, Instant wallClock) {
        var item = idempotencyKey(record.op(), record.accountId(), record.key());
        item.put("op", string(record.op()));
        item.put("accountId", string(record.accountId()));
        item.put("amount", number(record.amount()));
        item.put("reason", string(record.reason()));
        item.put("resultId", string(record.resultId()));
        item.put("createdAt", string(record.createdAt()));
        item.put("ttl", number(record.expiresAt().getEpochSecond()));
        return put(
                item,
                "attribute_not_exists(pk) OR #ttl < :now",
                Map.of("#ttl", "ttl"),
                Map.of(":now", number(wallClock.getEpochSecond())));
    }

    private TransactWriteItem put(
            Map<String, AttributeValue> item,
            String condition,
            Map<String, String> names,
            Map<String, AttributeValue> values) {
        var put = Put.builder().tableName(table).item(item);
        if (condition != null) {
            put.conditionExpression(condition);
            if (!names.isEmpty()) put.expressionAttributeNames(names);
            if (!values.isEmpty()) put.expressionAttributeValues(values);
        }
        return TransactWriteItem.builder().put(put.build()).build();
    }

    static Map<String, AttributeValue> key(String pk, String sk) {
        var key = new HashMap<String, AttributeValue>();
        key.put("pk", string(pk));
        key.put("sk", string(sk));
        return key;
    }

    static AttributeValue string(Object value) {
        return AttributeValue.fromS(value.toString());
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
