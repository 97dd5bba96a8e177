package dev.mana.platform.jobs;

import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.credits.CreditLedger;
import java.util.UUID;

// In infra/emulator because platform's own tests cannot use the emulator (Maven cycle).

/** A ledger, job store and items on a test stack, and fresh accounts with credits. */
public final class JobsFixture {
    public final EmulatedStack stack;
    public final CreditLedger ledger;
    public final JobStore store;
    public final JobItems items;

    public JobsFixture(EmulatedStack stack) {
        this(stack, JobSettings.DEFAULTS);
    }

    public JobsFixture(EmulatedStack stack, JobSettings settings) {
        this.stack = stack;
        var dynamo = stack.clients().dynamoDb();
        this.ledger = new CreditLedger(dynamo, stack.ref("CreditsTable"));
        this.store = new JobStore(dynamo, stack.ref("JobsTable"), ledger, settings);
        this.items = new JobItems(dynamo, stack.ref("JobsTable"));
    }

    /** A new account granted {@code credits}. */
    public String account(long credits) {
        String account = "acct_" + UUID.randomUUID().toString().replace("-", "");
        if (credits > 0) ledger.grant(account, credits, "test grant", "grant-1");
        return account;
    }

    public Job create(String account, long estimate) {
        return store.create(NewJob.of(account, "test", java.util.Map.of("urls", 3), estimate))
                .job();
    }
}
