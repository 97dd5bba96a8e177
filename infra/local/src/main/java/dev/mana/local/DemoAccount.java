package dev.mana.local;

import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import java.time.Instant;

/**
 * {@code MANA_DEMO_KEY}: a demo account on the Free tier holding that API key and 1,000
 * credits, created idempotently, so a fresh local API can be called at once.
 */
final class DemoAccount {
    static final String ACCOUNT_ID = "acct_demo";
    static final long CREDITS = 1_000;

    private DemoAccount() {}

    static void ensure(EmulatedStack stack, ApiKeyPlans plans, String secret) {
        if (!ApiKeySecret.looksLikeKey(secret)) {
            throw new IllegalArgumentException(
                    "MANA_DEMO_KEY must look like an API key: mana_live_ and 43 letters or digits," + " for example "
                            + ApiKeySecret.generate());
        }
        var dynamo = stack.clients().dynamoDb();
        var keys = new ApiKeyStore(dynamo, stack.ref("KeysTable"));
        String hash = ApiKeySecret.hash(secret);
        if (keys.findByHash(hash).isEmpty()) {
            var key = new ApiKey(
                    "key_demo",
                    ACCOUNT_ID,
                    "free",
                    "demo",
                    ApiKeySecret.displayPrefix(secret),
                    ApiKey.Status.ACTIVE,
                    Instant.now(),
                    null,
                    null,
                    null);
            keys.create(key, hash, Integer.MAX_VALUE);
        }
        plans.ensureKey(secret, stack.environment("AuthFunction").get("FREE_USAGE_PLAN_NAME"));
        new CreditLedger(dynamo, stack.ref("CreditsTable")).grant(ACCOUNT_ID, CREDITS, "demo credits", "demo-grant");
    }
}
