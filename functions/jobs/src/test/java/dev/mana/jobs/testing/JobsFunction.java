package dev.mana.jobs.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.jobs.JobsApplication;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import java.util.Map;
import java.util.UUID;

/**
 * The deployed jobs function in the test JVM ({@link JobsApplication} through Lambda's invoker,
 * with JobsFunction's environment from template.yaml), and the store, items and ledger behind it
 * to set up jobs as the extract function and its worker would.
 */
public final class JobsFunction {
    public static final String LOGICAL_ID = "JobsFunction";

    public final EmulatedStack stack;
    public final CreditLedger ledger;
    public final JobStore store;
    public final JobItems items;
    private final LambdaHarness harness;

    public JobsFunction(EmulatedStack stack) {
        this.stack = stack;
        harness = LambdaHarness.start(JobsApplication.class, stack, LOGICAL_ID);
        var dynamo = stack.clients().dynamoDb();
        ledger = new CreditLedger(dynamo, stack.ref("CreditsTable"));
        store = new JobStore(dynamo, stack.ref("JobsTable"), ledger);
        items = new JobItems(dynamo, stack.ref("JobsTable"));
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

    /** A queued job of {@code kind} holding {@code credits}. */
    public Job job(String account, String kind, long credits) {
        return store.create(NewJob.of(account, kind, Map.of("urls", 3), credits))
                .job();
    }

    public ProxyResponse get(String account, String path) {
        return call(ProxyEvent.request("GET", path).caller(account, "key_test", "free"));
    }

    public ProxyResponse getJob(String account, String id, Map<String, String> query) {
        var event = ProxyEvent.request("GET", "/v1/jobs/" + id)
                .resource("/v1/jobs/{id}", Map.of("id", id))
                .caller(account, "key_test", "free");
        query.forEach(event::query);
        return call(event);
    }

    public ProxyResponse cancel(String account, String id) {
        return call(ProxyEvent.request("DELETE", "/v1/jobs/" + id)
                .resource("/v1/jobs/{id}", Map.of("id", id))
                .caller(account, "key_test", "free"));
    }

    public ProxyResponse upload(String account, String json) {
        return call(ProxyEvent.request("POST", "/v1/uploads").json(json).caller(account, "key_test", "free"));
    }

    public ProxyResponse call(ProxyEvent event) {
        return harness.call(event);
    }
}
