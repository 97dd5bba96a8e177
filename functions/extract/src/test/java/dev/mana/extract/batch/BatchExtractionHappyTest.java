package dev.mana.extract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.BatchWorker;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Jobs;
import dev.mana.extract.testing.LoopbackSite;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * POST /v1/extract/batch then the worker bean on the queued message: per-URL items, progress,
 * one credit charged per URL extracted and the rest of the hold released, once.
 */
@ExtendWith(AwsEmulatorExtension.class)
class BatchExtractionHappyTest {
    static ExtractFunction extract;
    static BatchWorker worker;
    static Jobs jobs;
    static LoopbackSite site;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        site = LoopbackSite.start();
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
        worker = BatchWorker.worker(stack, Map.of("MANA_FETCH_ALLOW_CIDRS", ExtractFunction.LOOPBACK));
        jobs = new Jobs(stack);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void batch_answers202_thenTheWorkerExtractsEachUrl_andChargesTheSuccessesOnly() {
        String account = extract.account(10);
        List<String> urls = List.of(
                site.page("/batch/lighthouses", "article.html"),
                site.status("/batch/gone", 404),
                site.page("/batch/tides", "second.html"));

        var response = extract.batch(account, Bodies.batch(urls, null));

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        String id = response.json().path("id").asText();
        assertThat(id).startsWith("job_");
        assertThat(response.json().path("status").asText()).isEqualTo("queued");
        assertThat(response.header("Location")).isEqualTo("/v1/jobs/" + id);
        assertThat(response.json().path("links").path("self").asText()).isEqualTo("/v1/jobs/" + id);
        assertThat(extract.balance(account)).as("3 held").isEqualTo(7);

        assertThat(worker.feed(worker.take(id))).isEmpty();

        var job = jobs.job(account, id);
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.progress().done()).isEqualTo(3);
        assertThat(job.progress().failed()).isEqualTo(1);
        assertThat(job.progress().percent()).isEqualTo(100);
        assertThat(job.credits().charged()).isEqualTo(2);
        assertThat(job.credits().refunded()).isEqualTo(1);
        assertThat(job.result()).containsEntry("succeeded", 2).containsEntry("failed", 1);
        assertThat(extract.balance(account)).isEqualTo(8);
        var items = jobs.items.page(id, null, 10).items();
        assertThat(items).extracting(JobItems.ItemResult::ok).containsExactly(true, false, true);
        assertThat(items.get(0).result()).containsEntry("title", "How Lighthouses Work");
        assertThat(String.valueOf(items.get(0).result().get("markdown"))).contains("Lighthouses have guided ships");
        assertThat(items.get(1).error())
                .containsEntry("url", urls.get(1))
                .containsEntry("code", "upstream_failed")
                .containsEntry("upstreamStatus", 404);
    }

    @Test
    void aDuplicateDelivery_doesTheWorkOnce_andChargesOnce() {
        String account = extract.account(10);
        var response = extract.batch(account, Bodies.batch(List.of(site.page("/dup/one", "second.html")), null));
        String id = response.json().path("id").asText();
        var message = worker.take(id);

        assertThat(worker.feed(message)).isEmpty();
        assertThat(worker.feed(message.messageId() + "-copy", message.receiptHandle(), message.body(), 2))
                .isEmpty();

        assertThat(site.hits("/dup/one")).isEqualTo(1);
        assertThat(jobs.job(account, id).credits().charged()).isEqualTo(1);
        assertThat(extract.balance(account)).isEqualTo(9);
    }

    @Test
    void theSameIdempotencyKey_returnsTheSameJob_andHoldsOnce() {
        String account = extract.account(10);
        String body = Bodies.batch(List.of(site.page("/idem/one", "second.html"), site.url("/idem/two")), null);
        var event = ExtractFunction.post("/v1/extract/batch", account, body).header("Idempotency-Key", "batch-1");

        var first = extract.call(event);
        var again = extract.call(
                ExtractFunction.post("/v1/extract/batch", account, body).header("Idempotency-Key", "batch-1"));
        var other = extract.call(
                ExtractFunction.post("/v1/extract/batch", account, Bodies.batch(List.of(site.url("/x")), null))
                        .header("Idempotency-Key", "batch-1"));

        assertThat(first.status()).isEqualTo(202);
        assertThat(again.status()).isEqualTo(202);
        assertThat(again.json().path("id").asText())
                .isEqualTo(first.json().path("id").asText());
        assertThat(extract.balance(account)).isEqualTo(8);
        assertThat(other.status()).isEqualTo(409);
        assertThat(other.json().path("code").asText()).isEqualTo("idempotency_key_reused");
    }

    @Test
    void aJobCanceledWhileQueued_isReleasedAtOnce_andTheWorkerSkipsIt() {
        String account = extract.account(10);
        String id = extract.batch(account, Bodies.batch(List.of(site.page("/cancel/one", "second.html")), null))
                .json()
                .path("id")
                .asText();
        assertThat(extract.balance(account)).isEqualTo(9);

        assertThat(jobs.store.cancel(account, id).orElseThrow().status()).isEqualTo(JobStatus.CANCELED);
        assertThat(extract.balance(account)).isEqualTo(10);
        assertThat(worker.feed(worker.take(id))).isEmpty();

        assertThat(site.hits("/cancel/one")).isZero();
        assertThat(jobs.job(account, id).status()).isEqualTo(JobStatus.CANCELED);
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void aDeadLetteredJob_isFailed_andItsHoldReleased() {
        String account = extract.account(10);
        String id = extract.batch(account, Bodies.batch(List.of(site.page("/poison/one", "second.html")), null))
                .json()
                .path("id")
                .asText();
        var message = worker.take(id);
        // As SQS does after the queue's maxReceiveCount: the message moves to the DLQ.
        stack.clients()
                .sqs()
                .sendMessage(
                        s -> s.queueUrl(stack.ref("ExtractDeadLetterQueue")).messageBody(message.body()));
        var deadLetters = BatchWorker.deadLetters(stack);

        assertThat(deadLetters.feed(deadLetters.take("ExtractDeadLetterQueue", id)))
                .isEmpty();

        var job = jobs.job(account, id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).containsEntry("code", "job_failed");
        assertThat(job.credits().refunded()).isEqualTo(1);
        assertThat(extract.balance(account)).isEqualTo(10);
        // The original message, delivered late, finds the job ended.
        assertThat(worker.feed(message)).isEmpty();
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void aCancelWhileRunning_stopsAtTheNextCheckpoint_andReleasesTheWholeHold() throws Exception {
        String account = extract.account(20);
        var urls = new java.util.ArrayList<String>();
        for (int i = 0; i < 16; i++) {
            urls.add(site.slowPage("/running/" + i, "second.html", java.time.Duration.ofMillis(600)));
        }
        String id = extract.batch(account, Bodies.batch(urls, null))
                .json()
                .path("id")
                .asText();
        var message = worker.take(id);
        var canceler = Thread.ofVirtual().start(() -> {
            try {
                // Once the first round is fetching: the cancel lands between two checkpoints.
                while (site.hits("/running/0") == 0) Thread.sleep(20);
                jobs.store.cancel(account, id);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });

        assertThat(worker.feed(message)).isEmpty();
        canceler.join();

        var job = jobs.job(account, id);
        assertThat(job.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(job.credits().charged()).isZero();
        assertThat(extract.balance(account)).isEqualTo(20);
        int fetched = 0;
        for (int i = 0; i < 16; i++) fetched += site.hits("/running/" + i);
        assertThat(fetched).as("the first round of 8, not the second").isEqualTo(8);
    }

    @Test
    void aMessageThatNamesNoUrls_failsTheJobAtOnce_andReleasesItsHold() {
        String account = extract.account(10);
        String id = extract.batch(account, Bodies.batch(List.of(site.page("/bad/one", "second.html")), null))
                .json()
                .path("id")
                .asText();
        var message = worker.take(id);
        String body = "{\"jobId\":\"" + id + "\",\"kind\":\"extract-batch\",\"payload\":{}}";

        assertThat(worker.feed(message.messageId(), message.receiptHandle(), body, 1))
                .isEmpty();

        var job = jobs.job(account, id);
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error()).containsEntry("code", "invalid_job");
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void largeAnswers_goToS3_andTheItemKeepsASummaryWithTheKey() {
        var small = BatchWorker.worker(
                stack,
                Map.of("MANA_FETCH_ALLOW_CIDRS", ExtractFunction.LOOPBACK, "MANA_EXTRACT_ITEM_INLINE_BYTES", "100"));
        String account = extract.account(10);
        String id = extract.batch(account, Bodies.batch(List.of(site.page("/large/one", "article.html")), null))
                .json()
                .path("id")
                .asText();

        assertThat(small.feed(small.take(id))).isEmpty();

        var item = jobs.items.page(id, null, 10).items().get(0);
        assertThat(item.result())
                .containsEntry("s3Key", "results/" + id + "/0.json")
                .doesNotContainKey("markdown");
        String stored = stack.clients()
                .s3()
                .getObjectAsBytes(g -> g.bucket(stack.ref("DataBucket")).key("results/" + id + "/0.json"))
                .asUtf8String();
        assertThat(stored).contains("Lighthouses have guided ships");
    }
}
