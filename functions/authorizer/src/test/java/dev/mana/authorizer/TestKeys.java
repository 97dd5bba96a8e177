package dev.mana.authorizer;

import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import java.time.Instant;
import java.util.UUID;

/** Keys stored the way the keys route stores them, for the authorizer to find. */
final class TestKeys {
    private final ApiKeyStore store;

    TestKeys(EmulatedStack stack) {
        this.store = new ApiKeyStore(stack.clients().dynamoDb(), stack.ref("KeysTable"));
    }

    ApiKeyStore store() {
        return store;
    }

    /** Stores a new key and returns its secret. */
    String create(String accountId, Instant expiresAt) {
        String secret = ApiKeySecret.generate();
        var key = new ApiKey(
                "key_" + UUID.randomUUID().toString().replace("-", ""),
                accountId,
                "free",
                "test",
                ApiKeySecret.displayPrefix(secret),
                ApiKey.Status.ACTIVE,
                Instant.now(),
                expiresAt,
                null,
                null);
        store.create(key, ApiKeySecret.hash(secret), 20);
        return secret;
    }

    String keyId(String secret) {
        return store.findByHash(ApiKeySecret.hash(secret)).orElseThrow().keyId();
    }
}
