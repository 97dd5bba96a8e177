package dev.mana.extract.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;

/** The jobs table and ledger of a test stack, to read what the batch route and worker did. */
public final class Jobs {
    public final JobStore store;
    public final JobItems items;

    public Jobs(EmulatedStack stack) {
        var dynamo = stack.clients().dynamoDb();
        store = new JobStore(dynamo, stack.ref("JobsTable"), new CreditLedger(dynamo, stack.ref("CreditsTable")));
        items = new JobItems(dynamo, stack.ref("JobsTable"));
    }

    public Job job(String account, String id) {
        return store.get(account, id).orElseThrow(() -> new AssertionError("no job " + id));
    }
}
