package dev.mana.platform.usage;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Usage per account, key, service and UTC day in the usage table: one counter item per
 * (day, key, service), incremented atomically with {@code ADD}, read back as a series. A call
 * made with a Bearer JWT counts under the key id {@code jwt}.
 */
public final class UsageMeter {
    public static final String JWT_KEY = "jwt";

    private final DynamoDbClient dynamo;
    private final String table;

    public UsageMeter(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public void record(String accountId, String keyId, String service, long credits, LocalDate day) {
        String key = keyId == null ? JWT_KEY : keyId;
        var values = new HashMap<String, AttributeValue>();
        values.put(":one", AttributeValue.fromN("1"));
        values.put(":credits", AttributeValue.fromN(Long.toString(credits)));
        values.put(":day", AttributeValue.fromS(day.toString()));
        values.put(":key", AttributeValue.fromS(key));
        values.put(":service", AttributeValue.fromS(service));
        dynamo.updateItem(b -> b.tableName(table)
                .key(Map.of(
                        "pk", AttributeValue.fromS(partition(accountId)),
                        "sk", AttributeValue.fromS(day + "#" + key + "#" + service)))
                .updateExpression("ADD calls :one, credits :credits SET #day = :day, keyId = :key, service = :service")
                .expressionAttributeNames(Map.of("#day", "day"))
                .expressionAttributeValues(values));
    }

    public void record(String accountId, String keyId, String service, long credits) {
        record(accountId, keyId, service, credits, LocalDate.now(ZoneOffset.UTC));
    }

    /** The account's usage from {@code from} to {@code to} inclusive, by day, optionally for one key. */
    public List<UsagePoint> series(String accountId, LocalDate from, LocalDate to, String keyId) {
        var values = new HashMap<String, AttributeValue>();
        values.put(":pk", AttributeValue.fromS(partition(accountId)));
        values.put(":from", AttributeValue.fromS(from.toString()));
        values.put(":to", AttributeValue.fromS(to + "#~"));
        if (keyId != null) values.put(":key", AttributeValue.fromS(keyId));
        return dynamo
                .queryPaginator(b -> {
                    b.tableName(table)
                            .keyConditionExpression("pk = :pk AND sk BETWEEN :from AND :to")
                            .expressionAttributeValues(values);
                    if (keyId != null) b.filterExpression("keyId = :key");
                })
                .items()
                .stream()
                .map(item -> new UsagePoint(
                        LocalDate.parse(item.get("day").s()),
                        item.get("keyId").s(),
                        item.get("service").s(),
                        Long.parseLong(item.get("calls").n()),
                        Long.parseLong(item.get("credits").n())))
                .toList();
    }

    private static String partition(String accountId) {
        return "usage#" + accountId;
    }
}
