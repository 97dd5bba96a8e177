package dev.mana.platform.jobs.worker;

import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobSettings;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.webhooks.JobWebhooks;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * The scheduled sweep of the job outbox (EventBridge, every minute): jobs written but never
 * queued for {@link JobOutbox#ABANDONED_AFTER} are failed, their holds released and their
 * webhooks told. So no job stays queued with a hold for longer than that plus the schedule's
 * period. Safe to re-run: each job is failed once (the store's conditions).
 */
public final class OutboxSweep implements Function<Map<String, Object>, Map<String, Object>> {
    private final JobOutbox outbox;
    private final Set<String> kinds;
    private final Consumer<Job> onEnd;

    /** As deployed (every minute): the jobs and credits tables and job webhooks from the environment. */
    public static OutboxSweep fromEnvironment(Set<String> kinds) {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        String jobsTable = Environment.require("JOBS_TABLE");
        var store = new JobStore(dynamo, jobsTable, new CreditLedger(dynamo, Environment.require("CREDITS_TABLE")));
        return new OutboxSweep(
                new JobOutbox(dynamo, jobsTable, store, JobSettings.DEFAULTS), kinds, JobWebhooks.fromEnvironment(aws));
    }

    /** @param kinds the job kinds this function queues (and so may give up on) */
    public OutboxSweep(JobOutbox outbox, Set<String> kinds, Consumer<Job> onEnd) {
        this.outbox = outbox;
        this.kinds = Set.copyOf(kinds);
        this.onEnd = onEnd == null ? job -> {} : onEnd;
    }

    @Override
    public Map<String, Object> apply(Map<String, Object> scheduledEvent) {
        var failed = outbox.sweep(kinds);
        failed.forEach(onEnd);
        return Map.of("failed", failed.size());
    }
}
