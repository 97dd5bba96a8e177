package dev.mana.tts.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.Json;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.tts.TtsApplication;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The deployed TTS function in the test JVM: {@link TtsApplication} through Lambda's
 * FunctionInvoker with {@code TtsFunction}'s environment from template.yaml against the emulated
 * stack (plus {@code overrides}), and a real ledger to charge.
 */
public final class TtsFunction {

    public static final String LOGICAL_ID = "TtsFunction";

    public final CreditLedger ledger;
    public final UsageMeter usage;
    private final LambdaHarness harness;

    public TtsFunction(EmulatedStack stack) {
        this(stack, Map.of());
    }

    public TtsFunction(EmulatedStack stack, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(stack.environment(LOGICAL_ID));
        env.putAll(overrides);
        harness = LambdaHarness.start(TtsApplication.class, env);
        ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
        usage = new UsageMeter(stack.clients().dynamoDb(), stack.ref("UsageTable"));
    }

    /** A fresh account holding {@code credits}. */
    public String account(long credits) {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "").substring(0, 20);
        if (credits > 0) ledger.grant(account, credits, "test grant", "grant-" + account);
        return account;
    }

    public long balance(String account) {
        return ledger.balance(account).balance();
    }

    /** {@code POST /v1/audio/speech} with {@code body} written as JSON. */
    public ProxyResponse speech(String account, Map<String, ?> body) {
        return call(post("/v1/audio/speech", account, Json.write(body)));
    }

    public static ProxyEvent post(String path, String account, String json) {
        return ProxyEvent.request("POST", path).json(json).caller(account, "key_test", "free");
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }
}
