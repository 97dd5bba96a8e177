package dev.mana.auth.login;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Login attempts per subject (an email or a client network) in the accounts table ({@code
 * LOGIN#email#...}, {@code LOGIN#ip#...}; registration counts {@code LOGIN#register#...} the
 * same way): a count and the last attempt's time, with a
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

    /**
     * Counts one attempt for {@code subject} unless it is locked out, atomically: the count is
     * read, the lockout it implies checked, and the new count written only if the count is still
     * the one read (compare-and-set). Two containers racing on the last allowed attempt: one
     * wins, the other sees the new count and is refused, so no more than the limit of password
     * checks ever happen.
     *
     * @return zero when the attempt may go ahead, else how long the subject is locked
     */
    public Duration reserve(String subject, int limit, LoginLimits limits, Instant now) {
        for (int attempt = 0; attempt < 8; attempt++) {
            var current = find(subject, now);
            if (current.isPresent()) {
                Instant until = current.get()
                        .lastFailure()
                        .plus(limits.lockout(current.get().failures(), limit));
                if (until.isAfter(now)) return Duration.between(now, until);
            }
            int failures = current.map(Attempts::failures).orElse(0);
            var values = new java.util.HashMap<String, AttributeValue>();
            values.put(":next", n(failures + 1));
            values.put(":now", n(now.getEpochSecond()));
            values.put(":ttl", n(now.plus(limits.retention()).getEpochSecond()));
            String condition;
            if (current.isPresent()) {
                values.put(":seen", n(failures));
                condition = "failures = :seen AND #ttl > :now";
            } else {
                condition = "attribute_not_exists(pk) OR #ttl <= :now";
            }
            try {
                dynamo.updateItem(b -> b.tableName(table)
                        .key(key(subject))
                        .updateExpression("SET failures = :next, lastFailure = :now, #ttl = :ttl")
                        .conditionExpression(condition)
                        .expressionAttributeNames(Map.of("#ttl", "ttl"))
                        .expressionAttributeValues(values));
                return Duration.ZERO;
            } catch (ConditionalCheckFailedException raced) {
                // Another attempt counted first: read again.
            }
        }
        return Duration.ofSeconds(1); // sustained contention on one subject: itself a reason to wait
    }

    /** Takes back one counted attempt (it succeeded), never below zero. */
    public void forgive(String subject) {
        try {
            dynamo.updateItem(b -> b.tableName(table)
                    .key(key(subject))
                    .updateExpression("ADD failures :minusOne")
                    .conditionExpression("failures > :zero")
                    .expressionAttributeValues(Map.of(":minusOne", n(-1), ":zero", n(0))));
        } catch (ConditionalCheckFailedException nothingToForgive) {
            // no count, or already zero
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
