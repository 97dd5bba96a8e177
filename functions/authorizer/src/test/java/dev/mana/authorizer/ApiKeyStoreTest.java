package dev.mana.authorizer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The key store the authorizer reads and the keys route writes (platform code, tested where it is read). */
@ExtendWith(AwsEmulatorExtension.class)
class ApiKeyStoreTest {

    @Test
    void concurrentCreations_neverExceedTheTierLimit(EmulatedStack stack) throws Exception {
        var keys = new TestKeys(stack);
        int limit = 5;
        var tasks = new ArrayList<Callable<Boolean>>();
        for (int i = 0; i < 20; i++) {
            tasks.add(() -> {
                String secret = ApiKeySecret.generate();
                var key = new ApiKey(
                        "key_" + secret.substring(10, 26),
                        "acct_limit",
                        "free",
                        "k",
                        ApiKeySecret.displayPrefix(secret),
                        ApiKey.Status.ACTIVE,
                        Instant.now(),
                        null,
                        null,
                        null);
                try {
                    keys.store().create(key, ApiKeySecret.hash(secret), limit);
                    return true;
                } catch (ApiException e) {
                    return false;
                }
            });
        }
        int created = 0;
        try (var pool = Executors.newFixedThreadPool(8)) {
            for (Future<Boolean> f : pool.invokeAll(tasks)) if (f.get()) created++;
        }
        assertThat(created).isEqualTo(limit);
        assertThat(keys.store().list("acct_limit")).hasSize(limit);
    }

    @Test
    void revokingFreesASlot_andListsShowItRevoked(EmulatedStack stack) {
        var keys = new TestKeys(stack);
        String first = keys.create("acct_slots", null);
        keys.store().revoke("acct_slots", keys.keyId(first));

        var listed = keys.store().list("acct_slots");

        assertThat(listed).singleElement().extracting(ApiKey::status).isEqualTo(ApiKey.Status.REVOKED);
        assertThat(listed.get(0).prefix()).startsWith("mana_live_").hasSize(16);
    }

    @Test
    void secrets_areLongRandomBase62_andStoredOnlyAsHashes() {
        String a = ApiKeySecret.generate();
        String b = ApiKeySecret.generate();
        assertThat(a).isNotEqualTo(b).matches("mana_live_[0-9A-Za-z]{43}");
        assertThat(ApiKeySecret.looksLikeKey(a)).isTrue();
        assertThat(ApiKeySecret.hash(a)).hasSize(64).doesNotContain(a.substring(10));
    }
}
