package dev.mana.platform.keys;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The item shape of an API key in the keys table; only {@link ApiKeyStore} uses it. */
final class ApiKeyItems {
    private ApiKeyItems() {}

    static String accountPartition(String accountId) {
        return "account#" + accountId;
    }

    static Map<String, AttributeValue> toItem(ApiKey key, String secretHash) {
        var item = new HashMap<String, AttributeValue>();
        item.put("pk", text("key#" + secretHash));
        item.put("sk", text("key"));
        item.put("gsi1pk", text(accountPartition(key.accountId())));
        item.put("gsi1sk", text("key#" + key.createdAt() + "#" + key.keyId()));
        item.put("keyId", text(key.keyId()));
        item.put("accountId", text(key.accountId()));
        item.put("tier", text(key.tier()));
        item.put("name", text(key.name()));
        item.put("prefix", text(key.prefix()));
        item.put("status", text(key.status().name()));
        item.put("createdAt", text(key.createdAt().toString()));
        if (key.expiresAt() != null) item.put("expiresAt", text(key.expiresAt().toString()));
        if (key.gatewayKeyId() != null) item.put("gatewayKeyId", text(key.gatewayKeyId()));
        return item;
    }

    static ApiKey fromItem(Map<String, AttributeValue> item) {
        return new ApiKey(
                string(item, "keyId"),
                string(item, "accountId"),
                string(item, "tier"),
                string(item, "name"),
                string(item, "prefix"),
                ApiKey.Status.valueOf(string(item, "status")),
                instant(item, "createdAt"),
                instant(item, "expiresAt"),
                instant(item, "lastUsedAt"),
                string(item, "gatewayKeyId"));
    }

    static AttributeValue text(String value) {
        return AttributeValue.fromS(value);
    }

    static AttributeValue number(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    private static String string(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        return value == null ? null : value.s();
    }

    private static Instant instant(Map<String, AttributeValue> item, String name) {
        String value = string(item, name);
        return value == null ? null : Instant.parse(value);
    }
}
