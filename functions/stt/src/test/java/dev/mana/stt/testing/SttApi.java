package dev.mana.stt.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.stt.SttApplication;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The deployed STT function in the test JVM: {@link SttApplication} through Lambda's invoker with
 * {@code SttFunction}'s environment from template.yaml against the emulated stack, the committed
 * models directory, and a real ledger.
 */
public final class SttApi {

    public static final String LOGICAL_ID = "SttFunction";

    public final CreditLedger ledger;
    private final LambdaHarness harness;

    public SttApi(EmulatedStack stack, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(stack.environment(LOGICAL_ID));
        env.putAll(environment());
        env.putAll(overrides);
        harness = LambdaHarness.start(SttApplication.class, env);
        ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
    }

    /** Where the models and assets are from a test JVM (whose working directory is the module). */
    public static Map<String, String> environment() {
        return Map.of(
                "STT_MODELS_DIR",
                TestModel.modelsRoot().toString(),
                "STT_ASSET_DIRS",
                SharedAssets.require("assets/whisper") + "," + SharedAssets.require("assets/silero-vad"),
                "STT_THREADS",
                "2");
    }

    public String account(long credits) {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        if (credits > 0) {
            ledger.grant(account, credits, "test grant", "grant-" + account);
        }
        return account;
    }

    public long balance(String account) {
        return ledger.balance(account).balance();
    }

    public ProxyResponse post(String path, String account, MultipartBody form) {
        return call(ProxyEvent.request("POST", path)
                .body(form.bytes(), form.contentType())
                .caller(account, "key_test", "free"));
    }

    public ProxyResponse postJson(String path, String account, String json) {
        return call(ProxyEvent.request("POST", path).json(json).caller(account, "key_test", "free"));
    }

    public ProxyResponse get(String path, String account) {
        return call(ProxyEvent.request("GET", path).caller(account, "key_test", "free"));
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }
}
