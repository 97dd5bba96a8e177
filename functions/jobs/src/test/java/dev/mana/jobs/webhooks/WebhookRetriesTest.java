package dev.mana.jobs.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.emulator.WebhookReceiver;
import dev.mana.jobs.JobsApplication;
import dev.mana.jobs.testing.JobsFunction;
import dev.mana.platform.Json;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.webhooks.DeliveryLog;
import dev.mana.platform.webhooks.JobWebhooks;
import dev.mana.platform.webhooks.WebhookDelivery;
import dev.mana.platform.webhooks.WebhookEvent;
import dev.mana.platform.webhooks.WebhookRetry;
import dev.mana.platform.webhooks.WebhookSecrets;
import dev.mana.platform.webhooks.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The jobs jar's {@code webhookRetries} bean (WebhookRetryFunction's environment from template.yaml)
 * on WebhooksQueue messages, and {@code GET /v1/jobs/{id}/deliveries} listing the attempts.
 */
@ExtendWith(AwsEmulatorExtension.class)
class WebhookRetriesTest {
    static final String LOOPBACK = "127.0.0.0/8";

    static EmulatedStack stack;
    static JobsFunction jobs;
    static LambdaHarness retries;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        jobs = new JobsFunction(stack);
        var env = new HashMap<>(stack.environment("WebhookRetryFunction"));
        assertThat(env).containsEntry("SPRING_CLOUD_FUNCTION_DEFINITION", JobsApplication.WEBHOOK_RETRIES);
        env.put("MANA_FETCH_ALLOW_CIDRS", LOOPBACK);
        env.put(JobWebhooks.RETRY_DELAYS_VARIABLE, "1,1,1,1,1");
        retries = LambdaHarness.start(JobsApplication.class, env);
    }

    @Test
    void aFailedFirstAttempt_isRetriedFromTheQueue_andDeliveriesListsBoth_newestFirst() throws Exception {
        try (var receiver = new WebhookReceiver(500)) {
            String account = jobs.account(10);
            Job job = endedJob(account, receiver.url());

            firstAttempts().accept(job);
            assertThat(receiver.received).hasSize(1);
            Message message = take(job.id());
            assertThat(WebhookRetry.fromJson(message.body()).attempt()).isEqualTo(2);

            assertThat(feed(message.messageId(), message.body())).isEmpty();

            assertThat(receiver.received).hasSize(2);
            ProxyResponse response = deliveries(account, job.id());
            assertThat(response.status()).as(response.text()).isEqualTo(200);
            JsonNode list = response.json().path("deliveries");
            assertThat(list).hasSize(2);
            assertThat(list.get(0).path("attempt").asInt()).isEqualTo(2);
            assertThat(list.get(0).path("result").asText()).isEqualTo("delivered");
            assertThat(list.get(0).path("statusCode").asInt()).isEqualTo(200);
            assertThat(list.get(0).path("event").asText()).isEqualTo("job.succeeded");
            assertThat(list.get(1).path("attempt").asInt()).isEqualTo(1);
            assertThat(list.get(1).path("result").asText()).isEqualTo("failed");
            assertThat(list.get(1).path("statusCode").asInt()).isEqualTo(500);
            assertThat(list.get(1).path("error").asText()).isEqualTo("http_status");
            assertThat(list.get(0).path("messageId").asText())
                    .isEqualTo(list.get(1).path("messageId").asText())
                    .isEqualTo(receiver.received.get(0).header("webhook-id"));
        }
    }

    @Test
    void anotherAccountsJob_deliveriesAre404() {
        String owner = jobs.account(10);
        Job job = jobs.job(owner, "extract-batch", 1);

        assertThat(deliveries(owner, job.id()).status()).isEqualTo(200);
        assertThat(deliveries(owner, job.id()).json().path("deliveries")).isEmpty();
        var foreign = deliveries(jobs.account(0), job.id());
        assertThat(foreign.status()).isEqualTo(404);
        assertThat(foreign.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aRetryNotYetDue_isQueuedAgain_withoutAnAttempt() {
        try (var receiver = new WebhookReceiver()) {
            String account = jobs.account(10);
            Job job = endedJob(account, receiver.url());
            var later = new WebhookRetry(
                    job.id(), WebhookEvent.JOB_SUCCEEDED, 2, Instant.now().plusSeconds(2));

            assertThat(feed("m-later", later.toJson())).isEmpty();

            assertThat(receiver.received).isEmpty();
            Message again = take(job.id());
            assertThat(WebhookRetry.fromJson(again.body())).isEqualTo(later);
        }
    }

    @Test
    void anUnparseableMessage_isDropped_notFailed() {
        assertThat(feed("m-junk", "{not json")).isEmpty();
        assertThat(feed("m-other", "{\"hello\":1}")).isEmpty();
    }

    @Test
    void aRetryForAJobThatIsGone_isDropped() {
        var orphan = new WebhookRetry(
                "job_" + UUID.randomUUID().toString().replace("-", "").substring(0, 26),
                WebhookEvent.JOB_SUCCEEDED,
                2,
                Instant.now().minusSeconds(1));
        assertThat(feed("m-orphan", orphan.toJson())).isEmpty();
    }

    private static Job endedJob(String account, String hookUrl) {
        Job queued = jobs.store
                .create(NewJob.of(account, "extract-batch", Map.of("urls", 1), 1)
                        .withWebhook(new Job.Webhook(hookUrl, List.of(), Map.of())))
                .job();
        var claim = jobs.store.start(queued.id(), "worker-test", Duration.ofMinutes(5));
        assertThat(jobs.store.succeed(claim.job(), Map.of("succeeded", 1), 1)).isTrue();
        return jobs.store.find(queued.id()).orElseThrow();
    }

    /** What a worker's onEnd does: the first attempt, a failure queued with a 1 s delay. */
    private static JobWebhooks firstAttempts() {
        var dynamo = stack.clients().dynamoDb();
        var settings = new WebhookSettings(
                Collections.nCopies(5, Duration.ofSeconds(1)),
                Duration.ofSeconds(5),
                "Mana-Webhooks/test",
                Clock.systemUTC());
        var delivery = new WebhookDelivery(
                new PageFetcher(FetchPolicy.withAllowCidrs(LOOPBACK)),
                new WebhookSecrets(dynamo, stack.ref("AccountsTable")),
                new DeliveryLog(dynamo, stack.ref("JobsTable")),
                settings);
        return new JobWebhooks(delivery, stack.clients().sqs(), stack.ref("WebhooksQueue"), Clock.systemUTC());
    }

    private static ProxyResponse deliveries(String account, String id) {
        return jobs.call(ProxyEvent.request("GET", "/v1/jobs/" + id + "/deliveries")
                .resource("/v1/jobs/{id}/deliveries", Map.of("id", id))
                .caller(account, "key_test", "free"));
    }

    /** WebhooksQueue's message naming {@code jobId}; others are given back. */
    private static Message take(String jobId) {
        var sqs = stack.clients().sqs();
        String url = stack.ref("WebhooksQueue");
        for (int attempt = 0; attempt < 20; attempt++) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(60))
                    .messages();
            Message found = null;
            for (var m : messages) {
                if (found == null && m.body().contains(jobId)) found = m;
                else
                    sqs.changeMessageVisibility(c ->
                            c.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
            if (found != null) {
                String handle = found.receiptHandle();
                sqs.deleteMessage(d -> d.queueUrl(url).receiptHandle(handle));
                return found;
            }
        }
        throw new AssertionError("no message for " + jobId + " in WebhooksQueue");
    }

    /** The bean through Lambda's invoker with one SQS record; the batchItemFailures it answered. */
    private static List<String> feed(String messageId, String body) {
        var record = new LinkedHashMap<String, Object>();
        record.put("messageId", messageId);
        record.put("receiptHandle", "rh-" + messageId);
        record.put("body", body);
        record.put("attributes", Map.of("ApproximateReceiveCount", "1"));
        record.put("messageAttributes", Map.of());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", stack.attribute("WebhooksQueue", "Arn"));
        record.put("awsRegion", stack.region());
        byte[] event = Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
        try {
            return Json.mapper()
                    .readTree(retries.invoke(event))
                    .path("batchItemFailures")
                    .findValuesAsText("itemIdentifier");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
