package dev.mana.search.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.search.SearchApplication;
import java.util.HashMap;
import java.util.Map;

/**
 * The deployed search function in the test JVM: {@link SearchApplication} through Lambda's
 * {@code FunctionInvoker}, with {@code SearchFunction}'s environment from template.yaml against
 * the emulated stack, and every engine pointed at a loopback server.
 */
public final class SearchFunction implements AutoCloseable {

    public static final String LOGICAL_ID = "SearchFunction";
    public static final String ACCOUNT = "acct_test";

    /** Credits {@link #ACCOUNT} starts with. */
    public static final long GRANT = 1_000;

    public final LoopbackEngines engines = new LoopbackEngines();
    public final CreditLedger ledger;
    public final UsageMeter usage;
    private final LambdaHarness harness;

    public SearchFunction(EmulatedStack stack) {
        Map<String, String> env = new HashMap<>(stack.environment(LOGICAL_ID));
        env.putAll(engines.env());
        harness = LambdaHarness.start(SearchApplication.class, env);
        ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
        usage = new UsageMeter(stack.clients().dynamoDb(), stack.ref("UsageTable"));
        ledger.grant(ACCOUNT, GRANT, "test grant", "grant-" + ACCOUNT);
    }

    public long balance(String accountId) {
        return ledger.balance(accountId).balance();
    }

    /** POST /v1/search with {@code json} from a Free-tier caller. */
    public ProxyResponse search(String json) {
        return call(ProxyEvent.request("POST", "/v1/search").json(json).caller(ACCOUNT, "key_test", "free"));
    }

    /** POST /v1/search as another account, with an optional Idempotency-Key. */
    public ProxyResponse search(String accountId, String json, String idempotencyKey) {
        var event = ProxyEvent.request("POST", "/v1/search").json(json).caller(accountId, "key_other", "free");
        if (idempotencyKey != null) event.header("Idempotency-Key", idempotencyKey);
        return call(event);
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }

    @Override
    public void close() {
        engines.close();
    }
}
