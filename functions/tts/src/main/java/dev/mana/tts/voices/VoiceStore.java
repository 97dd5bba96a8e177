package dev.mana.tts.voices;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.Delete;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.Put;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.Update;

/**
 * An account's custom voices in the accounts table, under their own partition ({@code
 * VOICES#<account>}): one item per voice and one counter of slots in use. Creating a voice takes a
 * slot and deleting one gives it back in the same transaction as the voice item, so two
 * concurrent creates cannot pass the tier's limit. Another account's voice is simply not found.
 */
public final class VoiceStore {

    private static final String SLOTS = "#slots";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();

    private final DynamoDbClient dynamo;
    private final String table;

    public VoiceStore(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    public static String newId() {
        var id = new StringBuilder("voice_");
        for (int i = 0; i < 26; i++) id.append(ALPHABET[RANDOM.nextInt(ALPHABET.length)]);
        return id.toString();
    }

    /** Stores {@code voice}, taking one of {@code slots}; 403 when every slot is taken. */
    public void create(String account, CustomVoice voice, int slots) {
        var item = new HashMap<String, AttributeValue>(key(account, "VOICE#" + voice.id()));
        item.put("id", s(voice.id()));
        item.put("name", s(voice.name()));
        item.put("transcript", s(voice.transcript()));
        item.put("consent", s(voice.consent()));
        if (voice.consentIp() != null) item.put("consentIp", s(voice.consentIp()));
        item.put("audioKey", s(voice.audioKey()));
        item.put("audioContentType", s(voice.audioContentType()));
        item.put("seconds", AttributeValue.fromN(Double.toString(voice.seconds())));
        item.put("createdAt", s(voice.createdAt().toString()));
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(
                            TransactWriteItem.builder()
                                    .update(Update.builder()
                                            .tableName(table)
                                            .key(key(account, SLOTS))
                                            .updateExpression("SET used = if_not_exists(used, :zero) + :one")
                                            .conditionExpression("attribute_not_exists(used) OR used < :slots")
                                            .expressionAttributeValues(
                                                    Map.of(":zero", n(0), ":one", n(1), ":slots", n(slots)))
                                            .build())
                                    .build(),
                            TransactWriteItem.builder()
                                    .put(Put.builder()
                                            .tableName(table)
                                            .item(item)
                                            .conditionExpression("attribute_not_exists(pk)")
                                            .build())
                                    .build())
                    .build());
        } catch (TransactionCanceledException e) {
            List<CancellationReason> reasons = e.cancellationReasons();
            if (!reasons.isEmpty()
                    && "ConditionalCheckFailed".equals(reasons.get(0).code())) {
                throw new ApiException(
                                ErrorCode.FORBIDDEN,
                                "Your tier has " + slots + " custom voice slot" + (slots == 1 ? "" : "s")
                                        + " and all are in use; delete a voice or upgrade.")
                        .with("slots", slots);
            }
            throw e;
        }
    }

    public List<CustomVoice> list(String account) {
        return dynamo
                .queryPaginator(QueryRequest.builder()
                        .tableName(table)
                        .keyConditionExpression("pk = :pk AND begins_with(sk, :voice)")
                        .expressionAttributeValues(Map.of(":pk", s(partition(account)), ":voice", s("VOICE#")))
                        .consistentRead(true)
                        .build())
                .items()
                .stream()
                .map(VoiceStore::voice)
                .toList();
    }

    public Optional<CustomVoice> get(String account, String id) {
        var item = dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(key(account, "VOICE#" + id))
                        .consistentRead(true)
                        .build())
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(voice(item));
    }

    /** Removes the voice and frees its slot; empty when the account has no such voice. */
    public Optional<CustomVoice> delete(String account, String id) {
        Optional<CustomVoice> voice = get(account, id);
        if (voice.isEmpty()) return voice;
        try {
            dynamo.transactWriteItems(TransactWriteItemsRequest.builder()
                    .transactItems(
                            TransactWriteItem.builder()
                                    .delete(Delete.builder()
                                            .tableName(table)
                                            .key(key(account, "VOICE#" + id))
                                            .conditionExpression("attribute_exists(pk)")
                                            .build())
                                    .build(),
                            TransactWriteItem.builder()
                                    .update(Update.builder()
                                            .tableName(table)
                                            .key(key(account, SLOTS))
                                            .updateExpression("SET used = used - :one")
                                            .conditionExpression("used > :zero")
                                            .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1)))
                                            .build())
                                    .build())
                    .build());
        } catch (TransactionCanceledException e) {
            return Optional.empty(); // deleted by a concurrent request: its slot was given back there
        }
        return voice;
    }

    /** Slots in use. */
    public int used(String account) {
        var item = dynamo.getItem(GetItemRequest.builder()
                        .tableName(table)
                        .key(key(account, SLOTS))
                        .consistentRead(true)
                        .build())
                .item();
        return item == null || !item.containsKey("used")
                ? 0
                : Integer.parseInt(item.get("used").n());
    }

    private static CustomVoice voice(Map<String, AttributeValue> item) {
        return new CustomVoice(
                item.get("id").s(),
                item.get("name").s(),
                item.get("transcript").s(),
                item.get("consent").s(),
                item.containsKey("consentIp") ? item.get("consentIp").s() : null,
                item.get("audioKey").s(),
                item.get("audioContentType").s(),
                Double.parseDouble(item.get("seconds").n()),
                Instant.parse(item.get("createdAt").s()));
    }

    private static Map<String, AttributeValue> key(String account, String sort) {
        return Map.of("pk", s(partition(account)), "sk", s(sort));
    }

    private static String partition(String account) {
        return "VOICES#" + account;
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }
}
