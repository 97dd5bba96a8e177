package dev.mana.auth.account;

import dev.mana.auth.Ids;
import dev.mana.platform.keys.ApiKeySecret;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * One-time email verification tokens ({@code vrf_} and 256 random bits), in the accounts table
 * as the SHA-256 of the token only ({@code VERIFY#hash}), valid for {@link #VALIDITY}. Redeeming
 * deletes the item in the same conditional write, so a token works once.
 */
public final class EmailVerifications {
    public static final Duration VALIDITY = Duration.ofHours(24);
    private static final String SK = "VERIFY";

    private final DynamoDbClient dynamo;
    private final String table;

    public EmailVerifications(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A new token for the account; only its hash is stored. */
    public String issue(String accountId, Instant now) {
        String token = "vrf_" + Base64.getUrlEncoder().withoutPadding().encodeToString(Ids.bytes(32));
        var item = new java.util.HashMap<>(key(token));
        item.put("accountId", AttributeValue.fromS(accountId));
        item.put("ttl", AttributeValue.fromN(Long.toString(now.plus(VALIDITY).getEpochSecond())));
        dynamo.putItem(p -> p.tableName(table).item(item));
        return token;
    }

    /** The account the token verifies, once; empty for an unknown, used or expired token. */
    public Optional<String> redeem(String token, Instant now) {
        try {
            var old = dynamo.deleteItem(d -> d.tableName(table)
                            .key(key(token))
                            .conditionExpression("attribute_exists(pk) AND #ttl > :now")
                            .expressionAttributeNames(Map.of("#ttl", "ttl"))
                            .expressionAttributeValues(
                                    Map.of(":now", AttributeValue.fromN(Long.toString(now.getEpochSecond()))))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes();
            return Optional.of(old.get("accountId").s());
        } catch (ConditionalCheckFailedException e) {
            return Optional.empty();
        }
    }

    private static Map<String, AttributeValue> key(String token) {
        return Map.of("pk", AttributeValue.fromS(SK + "#" + ApiKeySecret.hash(token)), "sk", AttributeValue.fromS(SK));
    }
}
