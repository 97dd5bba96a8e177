package dev.mana.extract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.MovableClock;
import dev.mana.extract.ExtractApplication;
import dev.mana.extract.testing.BatchWorker;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Jobs;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.JobOutbox;
import dev.mana.platform.jobs.JobSettings;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch job's credits are held from its creation: a job that never reaches its queue must
 * not keep them. A replay of the request queues it; left alone, the outbox sweep fails it and
 * releases the hold within {@link JobOutbox#ABANDONED_AFTER} (plus the sweep's 1-minute period).
 */
@ExtendWith(AwsEmulatorExtension.class)
class JobQueueingSecurityTest {
    static EmulatedStack stack;
    static ExtractFunction extract;
    static ExtractFunction queueDown;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        extract = new ExtractFunction(s, ExtractFunction.LOOPBACK);
        queueDown = new ExtractFunction(
                s,
                Map.of(
                        "MANA_FETCH_ALLOW_CIDRS",
                        ExtractFunction.LOOPBACK,
                        "EXTRACT_QUEUE_URL",
                        s.ref("ExtractQueue") + "-missing"));
    }

    static dev.mana.emulator.ProxyResponse batch(ExtractFunction function, String account, String key) {
        return function.call(
                ExtractFunction.post("/v1/extract/batch", account, Bodies.batch(List.of("https://example.com/a"), null))
                        .header("Idempotency-Key", key));
    }

    @Test
    void retryWithTheSameKeyAfterA503_queuesTheJobThatWasNeverQueued() {
        String account = extract.account(10);

        var refused = batch(queueDown, account, "queue-down-1");
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().path("detail").asText()).contains("same Idempotency-Key");
        var waiting = new Jobs(stack).store.list(account, null, null, null, 10).jobs();
        assertThat(waiting)
                .singleElement()
                .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.QUEUED));

        var replayed = batch(extract, account, "queue-down-1");

        assertThat(replayed.status()).as(replayed.text()).isEqualTo(202);
        String id = replayed.json().path("id").asText();
        assertThat(id).isEqualTo(waiting.get(0).id());
        assertThat(BatchWorker.worker(stack, Map.of()).take(id).body()).contains(id);
        assertThat(new Jobs(stack).store.awaitingQueue(new Jobs(stack).job(account, id)))
                .isFalse();
    }

    @Test
    void aJobWrittenButNeverQueued_isFailedByTheSweepPastTheBound_andItsHoldReleased() {
        String account = extract.account(10);
        var dynamo = stack.clients().dynamoDb();
        var clock = new MovableClock(Instant.now());
        var settings = JobSettings.DEFAULTS.withClock(clock);
        var ledger = new CreditLedger(dynamo, stack.ref("CreditsTable"));
        var store = new JobStore(dynamo, stack.ref("JobsTable"), ledger, settings);
        var outbox = new JobOutbox(dynamo, stack.ref("JobsTable"), store, settings);
        // What the route does before it queues; the function then dies.
        var job = store.create(NewJob.of(account, BatchExtractProcessor.KIND, Map.of("urls", 4), 4))
                .job();
        // Another function's kind: left for that function's own sweep.
        var others = store.create(NewJob.of(account, "transcribe", Map.of("seconds", 1), 1))
                .job();
        assertThat(ledger.balance(account).balance()).isEqualTo(5);

        clock.advance(JobOutbox.ABANDONED_AFTER.minusSeconds(5));
        assertThat(outbox.sweep(java.util.Set.of(BatchExtractProcessor.KIND)))
                .extracting(j -> j.id())
                .doesNotContain(job.id());
        assertThat(store.find(job.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);

        clock.advance(Duration.ofSeconds(10));
        assertThat(outbox.sweep(java.util.Set.of(BatchExtractProcessor.KIND)))
                .extracting(j -> j.id())
                .contains(job.id());

        var failed = store.find(job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error().get("code")).isEqualTo("unavailable");
        assertThat(ledger.balance(account).balance()).isEqualTo(9);
        assertThat(outbox.sweep(java.util.Set.of(BatchExtractProcessor.KIND))).isEmpty();
        assertThat(ledger.balance(account).balance()).isEqualTo(9);
        assertThat(store.find(others.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void theDeployedSweepFunction_failsAbandonedJobs_andLeavesQueuedOnesAlone() {
        String account = extract.account(10);
        var dynamo = stack.clients().dynamoDb();
        var ledger = new CreditLedger(dynamo, stack.ref("CreditsTable"));
        // Written three minutes ago and never queued.
        var past = new JobStore(
                dynamo,
                stack.ref("JobsTable"),
                ledger,
                JobSettings.DEFAULTS.withClock(new MovableClock(Instant.now().minus(Duration.ofMinutes(3)))));
        var abandoned = past.create(NewJob.of(account, BatchExtractProcessor.KIND, Map.of("urls", 3), 3))
                .job();
        // Written as long ago, and queued.
        var queued = past.create(NewJob.of(account, BatchExtractProcessor.KIND, Map.of("urls", 2), 2))
                .job();
        past.markQueued(queued);
        Map<String, String> env = new HashMap<>(stack.environment("ExtractOutboxSweepFunction"));
        var sweep = LambdaHarness.start(ExtractApplication.class, env);

        String report = new String(
                sweep.invoke("{\"source\":\"aws.events\",\"detail-type\":\"Scheduled Event\",\"detail\":{}}"
                        .getBytes(StandardCharsets.UTF_8)),
                StandardCharsets.UTF_8);

        assertThat(report).contains("\"failed\"");
        assertThat(past.find(abandoned.id()).orElseThrow().status()).isEqualTo(JobStatus.FAILED);
        assertThat(past.find(queued.id()).orElseThrow().status()).isEqualTo(JobStatus.QUEUED);
        assertThat(ledger.balance(account).balance()).isEqualTo(8);
    }
}
