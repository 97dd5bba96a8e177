package dev.mana.platform.jobs.worker;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobsFixture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

@ExtendWith(AwsEmulatorExtension.class)
class WorkerTest {
    private final JobsFixture f;
    private final SqsClient sqs;
    private final String queue;
    private final String dlq;
    private final List<Job> ended = new CopyOnWriteArrayList<>();

    WorkerTest(EmulatedStack stack) {
        this.f = new JobsFixture(stack);
        this.sqs = stack.clients().sqs();
        this.queue = stack.ref("ExtractQueue");
        this.dlq = stack.ref("ExtractDeadLetterQueue");
        purge();
    }

    private void purge() {
        sqs.purgeQueue(p -> p.queueUrl(queue));
        sqs.purgeQueue(p -> p.queueUrl(dlq));
    }

    private Worker worker(String id, Map<String, JobProcessor> processors, Duration visibility, Duration heartbeat) {
        var settings = new WorkerSettings(id, visibility, heartbeat, Duration.ZERO, Duration.ZERO);
        return new Worker(f.store, f.items, processors, settings, ended::add);
    }

    private Job submit(String account, long estimate, Map<String, Object> payload) {
        var job = f.create(account, estimate);
        new JobQueue(sqs, queue).enqueue(job, payload);
        return job;
    }

    private List<Message> receive(String url, int visibilitySeconds) {
        return sqs.receiveMessage(r -> r.queueUrl(url)
                        .maxNumberOfMessages(10)
                        .visibilityTimeout(visibilitySeconds)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                .messages();
    }

    private static SQSEvent event(List<Message> messages) {
        var records = new ArrayList<SQSEvent.SQSMessage>();
        for (var m : messages) {
            var record = new SQSEvent.SQSMessage();
            record.setMessageId(m.messageId());
            record.setReceiptHandle(m.receiptHandle());
            record.setBody(m.body());
            record.setAttributes(Map.of("ApproximateReceiveCount", "1"));
            records.add(record);
        }
        var event = new SQSEvent();
        event.setRecords(records);
        return event;
    }

    /** Processes {@code total} items one by one, skipping recorded ones, with a checkpoint each. */
    private static JobProcessor items(int total, AtomicInteger processed, CountDownLatch started, long pauseMillis) {
        return (job, context) -> {
            var done = context.recorded();
            for (int i = 0; i < total; i++) {
                if (done.contains(i)) continue;
                started.countDown();
                Thread.sleep(pauseMillis);
                processed.incrementAndGet();
                context.record(JobItems.ItemResult.success(i, Map.of("i", i)));
                context.progress(i + 1, total, 0);
                context.checkpoint();
            }
            return new JobProcessor.Result(Map.of("items", total), total);
        };
    }

    @Test
    void lambdaBatch_reportsOnlyTheFailedRecord() {
        String account = f.account(100);
        var good = submit(account, 5, Map.of());
        var bad = submit(account, 5, Map.of("fail", true));
        var handler = new SqsJobHandler(
                worker(
                        "w1",
                        Map.of("test", (job, context) -> {
                            if (Boolean.TRUE.equals(context.payload().get("fail")))
                                throw new IllegalStateException("flaky");
                            return new JobProcessor.Result(Map.of("ok", true), 3);
                        }),
                        Duration.ofMinutes(5),
                        Duration.ofMinutes(1)),
                sqs,
                queue);
        var messages = receive(queue, 30);
        assertThat(messages).hasSize(2);
        String badMessageId = messages.stream()
                .filter(m -> m.body().contains(bad.id()))
                .findFirst()
                .orElseThrow()
                .messageId();

        var response = handler.apply(event(messages));

        assertThat(response.getBatchItemFailures())
                .extracting(b -> b.getItemIdentifier())
                .containsExactly(badMessageId);
        assertThat(f.store.get(account, good.id()).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(f.store.get(account, bad.id()).orElseThrow().status()).isEqualTo(JobStatus.RUNNING);
        assertThat(f.ledger.balance(account).balance()).isEqualTo(92); // 100 - 3 charged - 5 still held
        // Backoff 0: the failed record is visible again at once.
        assertThat(receive(queue, 30)).extracting(Message::messageId).containsExactly(badMessageId);
    }

    @Test
    void duplicateDelivery_doesTheWorkOnce() {
        String account = f.account(100);
        var job = submit(account, 10, Map.of());
        var runs = new AtomicInteger();
        var worker = worker(
                "w1",
                Map.of("test", (j, c) -> {
                    runs.incrementAndGet();
                    return new JobProcessor.Result(Map.of(), 4);
                }),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1));
        String body = receive(queue, 30).get(0).body();

        var first = worker.handle(body, 1, v -> {}, () -> false);
        var second = worker.handle(body, 2, v -> {}, () -> false);

        assertThat(first).isEqualTo(Disposition.DELETE);
        assertThat(second).isEqualTo(Disposition.DELETE);
        assertThat(runs).hasValue(1);
        assertThat(f.ledger.balance(account).balance()).isEqualTo(96);
        assertThat(ended).extracting(Job::id).containsOnlyOnce(job.id());
    }

    @Test
    void stopMidJob_returnsTheMessage_andASecondPollerFinishesItOnce() throws Exception {
        String account = f.account(100);
        var job = submit(account, 10, Map.of());
        var processed = new AtomicInteger();
        var started = new CountDownLatch(2);
        var firstPoller = new QueuePoller(
                        sqs,
                        queue,
                        worker(
                                "first",
                                Map.of("test", items(6, processed, started, 100)),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(1)),
                        0)
                .start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        assertThat(firstPoller.stop(Duration.ofSeconds(10))).isTrue();
        var halfway = f.store.get(account, job.id()).orElseThrow();
        assertThat(halfway.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(processed.get()).isBetween(1, 5);

        var secondPoller = new QueuePoller(
                        sqs,
                        queue,
                        worker(
                                "second",
                                Map.of("test", items(6, processed, new CountDownLatch(0), 0)),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(1)),
                        0)
                .start();
        Job done;
        try {
            done = waitFor(account, job.id(), JobStatus.SUCCEEDED);
        } finally {
            secondPoller.stop(Duration.ofSeconds(10));
        }

        assertThat(processed).hasValue(6);
        assertThat(done.attempts()).isEqualTo(2);
        assertThat(done.credits()).isEqualTo(new Job.Credits(10, 6, 4));
        assertThat(f.ledger.balance(account).balance()).isEqualTo(94);
        assertThat(f.items.recorded(job.id())).containsExactly(0, 1, 2, 3, 4, 5);
        assertThat(receive(queue, 1)).isEmpty();
    }

    @Test
    void heartbeats_keepTheMessageInvisible_whileTheJobOutlivesTheVisibilityTimeout() throws Exception {
        String account = f.account(100);
        var job = submit(account, 10, Map.of());
        var release = new CountDownLatch(1);
        var worker = worker(
                "w1",
                Map.of("test", (j, c) -> {
                    release.await(10, TimeUnit.SECONDS);
                    return new JobProcessor.Result(Map.of(), 1);
                }),
                Duration.ofSeconds(2),
                Duration.ofMillis(500));
        var poller = new QueuePoller(sqs, queue, worker, 0).start();
        Thread.sleep(300);

        // Visibility 2 s; 3.5 s later the message would be back without heartbeats.
        Thread.sleep(3500);
        var meanwhile = sqs.receiveMessage(
                        r -> r.queueUrl(queue).maxNumberOfMessages(10).visibilityTimeout(0))
                .messages();
        release.countDown();
        try {
            waitFor(account, job.id(), JobStatus.SUCCEEDED);
        } finally {
            poller.stop(Duration.ofSeconds(10));
        }

        assertThat(meanwhile).isEmpty();
    }

    @Test
    void poisonMessage_goesToTheDlq_andDeadLettersFailsTheJobOnce() {
        String account = f.account(100);
        var job = submit(account, 25, Map.of());
        var worker = worker(
                "w1",
                Map.of("test", (j, c) -> {
                    throw new IllegalStateException("poison");
                }),
                Duration.ofMinutes(5),
                Duration.ofMinutes(1));
        int receives = 0;
        for (List<Message> batch = receive(queue, 30); !batch.isEmpty(); batch = receive(queue, 30)) {
            for (var m : batch) {
                receives++;
                int count = Integer.parseInt(m.attributes().get(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT));
                var d = worker.handle(m.body(), count, v -> {}, () -> false);
                assertThat(d.action()).isEqualTo(Disposition.Action.RETRY);
                sqs.changeMessageVisibility(
                        c -> c.queueUrl(queue).receiptHandle(m.receiptHandle()).visibilityTimeout((int)
                                d.visibility().toSeconds()));
            }
        }
        assertThat(receives).isEqualTo(5);
        assertThat(f.ledger.balance(account).held()).isEqualTo(25);

        var deadLetters = new DeadLetters(f.store, ended::add);
        int handled = deadLetters.drain(sqs, dlq);
        // The same message again (e.g. redriven and dead-lettered twice): nothing more moves.
        assertThat(deadLetters.handle(new JobMessage(job.id(), "test", Map.of()).toJson()))
                .isTrue();

        assertThat(handled).isEqualTo(1);
        var failed = f.store.get(account, job.id()).orElseThrow();
        assertThat(failed.status()).isEqualTo(JobStatus.FAILED);
        assertThat(failed.error()).containsEntry("code", "job_failed");
        assertThat(failed.credits()).isEqualTo(new Job.Credits(25, 0, 25));
        assertThat(f.ledger.balance(account).balance()).isEqualTo(100);
        assertThat(f.ledger.balance(account).held()).isZero();
        assertThat(ended).extracting(Job::id).containsOnlyOnce(job.id());
    }

    @Test
    void redrive_movesDeadLettersBackToTheQueue() {
        sqs.sendMessage(m -> m.queueUrl(dlq).messageBody(new JobMessage("job_x", "test", Map.of()).toJson()));
        sqs.sendMessage(m -> m.queueUrl(dlq).messageBody(new JobMessage("job_y", "test", Map.of()).toJson()));

        int moved = Redrive.move(sqs, dlq, queue);

        assertThat(moved).isEqualTo(2);
        assertThat(receive(dlq, 1)).isEmpty();
        assertThat(receive(queue, 1)).hasSize(2);
    }

    @Test
    void cancelRunning_stopsAtTheNextCheckpoint_andReleasesTheHold() throws Exception {
        String account = f.account(100);
        var job = submit(account, 30, Map.of());
        var processed = new AtomicInteger();
        var started = new CountDownLatch(1);
        var poller = new QueuePoller(
                        sqs,
                        queue,
                        worker(
                                "w1",
                                Map.of("test", items(50, processed, started, 50)),
                                Duration.ofMinutes(5),
                                Duration.ofMinutes(1)),
                        0)
                .start();
        assertThat(started.await(10, TimeUnit.SECONDS)).isTrue();

        f.store.cancel(account, job.id());
        Job canceled;
        try {
            canceled = waitFor(account, job.id(), JobStatus.CANCELED);
        } finally {
            poller.stop(Duration.ofSeconds(10));
        }

        assertThat(processed.get()).isLessThan(50);
        assertThat(canceled.credits()).isEqualTo(new Job.Credits(30, 0, 30));
        assertThat(f.ledger.balance(account).balance()).isEqualTo(100);
        assertThat(receive(queue, 1)).isEmpty();
    }

    @Test
    void unknownKind_failsTheJob_andReleasesTheHold() {
        String account = f.account(100);
        var job = submit(account, 10, Map.of());
        var worker = worker("w1", Map.of(), Duration.ofMinutes(5), Duration.ofMinutes(1));

        var d = worker.handle(receive(queue, 30).get(0).body(), 1, v -> {}, () -> false);

        assertThat(d).isEqualTo(Disposition.DELETE);
        assertThat(f.store.get(account, job.id()).orElseThrow().error()).containsEntry("code", "unknown_kind");
        assertThat(f.ledger.balance(account).balance()).isEqualTo(100);
    }

    private Job waitFor(String account, String jobId, JobStatus status) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            var job = f.store.get(account, jobId).orElseThrow();
            if (job.status() == status) return job;
            Thread.sleep(50);
        }
        throw new AssertionError("job " + jobId + " never became " + status);
    }
}
