package dev.mana.extract.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.extract.ExtractApplication;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/**
 * The deployed extract function in the test JVM: {@link ExtractApplication} through Lambda's
 * {@code FunctionInvoker}, with {@code ExtractFunction}'s environment from template.yaml against
 * the emulated stack, plus {@code MANA_FETCH_ALLOW_CIDRS} (127.0.0.0/8 so the loopback site can be
 * fetched, or empty to prove the guard), and a real ledger to charge.
 */
public final class ExtractFunction {

    public static final String LOGICAL_ID = "ExtractFunction";
    public static final String LOOPBACK = "127.0.0.0/8";

    public final CreditLedger ledger;
    public final UsageMeter usage;
    private final LambdaHarness harness;

    public ExtractFunction(EmulatedStack stack, String allowCidrs) {
        this(stack, Map.of("MANA_FETCH_ALLOW_CIDRS", allowCidrs));
    }

    /** With {@code overrides} on top of the template's environment. */
    public ExtractFunction(EmulatedStack stack, Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(stack.environment(LOGICAL_ID));
        env.putAll(overrides);
        harness = LambdaHarness.start(ExtractApplication.class, env);
        ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
        usage = new UsageMeter(stack.clients().dynamoDb(), stack.ref("UsageTable"));
    }

    /** A fresh account holding {@code credits}. */
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

    public ProxyResponse extract(String account, String json) {
        return call(post("/v1/extract", account, json));
    }

    public ProxyResponse bulk(String account, String json) {
        return call(post("/v1/extract/bulk", account, json));
    }

    public ProxyResponse batch(String account, String json) {
        return call(post("/v1/extract/batch", account, json));
    }

    public static ProxyEvent post(String path, String account, String json) {
        return ProxyEvent.request("POST", path).json(json).caller(account, "key_test", "free");
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }
}
