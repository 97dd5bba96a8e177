package dev.mana.extract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.WebhookReceiver;
import dev.mana.extract.testing.BatchWorker;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Jobs;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.JobStatus;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A worker that dies after marking its job finished and before the first webhook delivery must
 * not lose the webhook: SQS delivers the message again, and the next worker, finding the job
 * ended but never announced, announces it (once: a further copy sends nothing more).
 */
@ExtendWith(AwsEmulatorExtension.class)
class WebhookAtLeastOnceSecurityTest {
    static EmulatedStack stack;
    static ExtractFunction extract;
    static BatchWorker worker;
    static Jobs jobs;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        extract = new ExtractFunction(s, ExtractFunction.LOOPBACK);
        worker = BatchWorker.worker(s, Map.of("MANA_FETCH_ALLOW_CIDRS", ExtractFunction.LOOPBACK));
        jobs = new Jobs(s);
    }

    @Test
    void aWorkerDyingBetweenFinishingAndAnnouncing_doesNotLoseTheWebhook() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            String account = extract.account(10);
            var created = extract.batch(
                    account, Bodies.batch(List.of("https://example.com/a"), Map.of("url", receiver.url())));
            assertThat(created.status()).as(created.text()).isEqualTo(202);
            String id = created.json().path("id").asText();
            var message = worker.take(id);
            // The first worker claimed the job and ended it, then died before its webhook went out.
            var claim = jobs.store.start(id, "worker-that-died", Duration.ofMinutes(1));
            assertThat(jobs.store.succeed(claim.job(), Map.of("items", 1), 1)).isTrue();
            assertThat(receiver.received).isEmpty();

            assertThat(worker.feed(message)).isEmpty(); // SQS redelivers the undeleted message

            assertThat(jobs.job(account, id).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(receiver.received).hasSize(1);
            assertThat(Json.mapper()
                            .readTree(receiver.received.get(0).body())
                            .path("type")
                            .asText())
                    .isEqualTo("job.succeeded");

            worker.feed(message); // yet another copy: announced already, nothing more is sent
            assertThat(receiver.received).hasSize(1);
        }
    }
}
