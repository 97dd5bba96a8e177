package dev.mana.platform.webhooks;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each account's webhook signing secret ({@code whsec_...}), in the accounts table:
 *
 * <pre>
 * pk                  sk               attributes
 * account#{accountId} webhook-secret   current, previous?, previousUntil?, version
 * </pre>
 *
 * A rotation keeps the secret it replaces valid for {@link #ROTATION_OVERLAP}, during which
 * deliveries carry a signature by each; rotating again within that window drops the older one at
 * once. Secrets are never logged. Writes are conditional on {@code version}, so concurrent first
 * uses agree on one secret and concurrent rotations both take effect.
 */
public final class WebhookSecrets {
    public static final Duration ROTATION_OVERLAP = Duration.ofHours(24);
    private static final String SK = "webhook-secret";
    private static final int MAX_TRIES = 5;

    private final DynamoDbClient dynamo;
    private final String table;
    private final Clock clock;

    /** @param table the accounts table ({@code ACCOUNTS_TABLE}) */
    public WebhookSecrets(DynamoDbClient dynamo, String table) {
        this(dynamo, table, Clock.systemUTC());
    }

    public WebhookSecrets(DynamoDbClient dynamo, String table, Clock clock) {
        this.dynamo = Objects.requireNonNull(dynamo, "dynamo");
        this.table = Objects.requireNonNull(table, "table");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    private record Stored(String current, String previous, Instant previousUntil, long version) {}

    /** The account's secret, made on first use. */
    public String current(String accountId) {
        return stored(accountId).current();
    }

    /** The secrets to sign with now: the current one first, then the replaced one while it is valid. */
    public List<String> signing(String accountId) {
        Stored stored = stored(accountId);
        if (stored.previous() != null && clock.instant().isBefore(stored.previousUntil())) {
            return List.of(stored.current(), stored.previous());
        }
        return List.of(stored.current());
    }

    /** Makes a new secret and returns it (shown to the caller once); the old one signs for 24 h more. */
    public String rotate(String accountId) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Stored old = read(accountId);
            String secret = WebhookSigner.newSecret();
            Stored next = old == null
                    ? new Stored(secret, null, null, 1)
                    : new Stored(secret, old.current(), clock.instant().plus(ROTATION_OVERLAP), old.version() + 1);
            if (write(accountId, next)) return secret;
        }
        throw new IllegalStateException("the webhook secret kept changing while rotating it");
    }

    private Stored stored(String accountId) {
        for (int i = 0; i < MAX_TRIES; i++) {
            Stored stored = read(accountId);
            if (stored != null) return stored;
            stored = new Stored(WebhookSigner.newSecret(), null, null, 1);
            if (write(accountId, stored)) return stored;
        }
        throw new IllegalStateException("the webhook secret could not be read");
    }

    private Stored read(String accountId) {
        var item = dynamo.getItem(b -> b.tableName(table).key(key(accountId)).consistentRead(true))
                .item();
        if (item == null || item.isEmpty()) return null;
        var previous = item.get("previous");
        var until = item.get("previousUntil");
        return new Stored(
                item.get("current").s(),
                previous == null ? null : previous.s(),
                until == null ? null : Instant.parse(until.s()),
                Long.parseLong(item.get("version").n()));
    }

    /** Writes {@code next} if the item is still at the version before it; false if not. */
    private boolean write(String accountId, Stored next) {
        var item = key(accountId);
        item.put("current", AttributeValue.fromS(next.current()));
        if (next.previous() != null) {
            item.put("previous", AttributeValue.fromS(next.previous()));
            item.put("previousUntil", AttributeValue.fromS(next.previousUntil().toString()));
        }
        item.put("version", AttributeValue.fromN(Long.toString(next.version())));
        item.put("updatedAt", AttributeValue.fromS(clock.instant().toString()));
        try {
            dynamo.putItem(b -> {
                b.tableName(table).item(item);
                if (next.version() == 1) {
                    b.conditionExpression("attribute_not_exists(pk)");
                } else {
                    b.conditionExpression("version = :v")
                            .expressionAttributeValues(
                                    Map.of(":v", AttributeValue.fromN(Long.toString(next.version() - 1))));
                }
            });
            return true;
        } catch (ConditionalCheckFailedException e) {
            return false;
        }
    }

    private static Map<String, AttributeValue> key(String accountId) {
        var key = new HashMap<String, AttributeValue>();
        key.put("pk", AttributeValue.fromS("account#" + accountId));
        key.put("sk", AttributeValue.fromS(SK));
        return key;
    }
}
