package dev.mana.auth.login;

import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Failed logins per subject (an email or a client IP) in the accounts table
 * ({@code LOGIN#email#...}, {@code LOGIN#ip#...}): a count and the last failure's time, with a
 * {@code ttl} after which the count no longer applies. Reads and increments treat an item past
 * its ttl as absent, since DynamoDB deletes it only later.
 */
public final class LoginAttemptStore {
    private static final String SK = "LOGIN";

    /** The failures counted for one subject and when the last one happened. */
    public record Attempts(int failures, Instant lastFailure) {}

    private final DynamoDbClient dynamo;
    private final String table;

    public LoginAttemptStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public Optional<Attempts> find(String subject, Instant now) {
        var response = dynamo.getItem(b -> b.tableName(table).key(key(subject)).consistentRead(true));
        if (!response.hasItem() || response.item().isEmpty()) return Optional.empty();
        var item = response.item();
        if (Long.parseLong(item.get("ttl").n()) <= now.getEpochSecond()) return Optional.empty();
        return Optional.of(attempts(item));
    }

    /** Counts one more failure, atomically; an expired count starts again from one. */
    public Attempts recordFailure(String subject, Instant now, Instant expiresAt) {
        var values = Map.of(
                ":one", AttributeValue.fromN("1"),
                ":now", n(now.getEpochSecond()),
                ":ttl", n(expiresAt.getEpochSecond()));
        try {
            return attempts(dynamo.updateItem(b -> b.tableName(table)
                            .key(key(subject))
                            .updateExpression("ADD failures :one SET lastFailure = :now, #ttl = :ttl")
                            .conditionExpression("attribute_not_exists(pk) OR #ttl > :now")
                            .expressionAttributeNames(Map.of("#ttl", "ttl"))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes());
        } catch (ConditionalCheckFailedException expired) {
            return attempts(dynamo.updateItem(b -> b.tableName(table)
                            .key(key(subject))
                            .updateExpression("SET failures = :one, lastFailure = :now, #ttl = :ttl")
                            .expressionAttributeNames(Map.of("#ttl", "ttl"))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes());
        }
    }

    public void clear(String subject) {
        dynamo.deleteItem(b -> b.tableName(table).key(key(subject)));
    }

    private static Attempts attempts(Map<String, AttributeValue> item) {
        return new Attempts(
                Integer.parseInt(item.get("failures").n()),
                Instant.ofEpochSecond(Long.parseLong(item.get("lastFailure").n())));
    }

    private static Map<String, AttributeValue> key(String subject) {
        return Map.of("pk", AttributeValue.fromS(SK + "#" + subject), "sk", AttributeValue.fromS(SK));
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
