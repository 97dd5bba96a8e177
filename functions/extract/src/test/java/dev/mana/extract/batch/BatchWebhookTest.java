package dev.mana.extract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.WebhookReceiver;
import dev.mana.extract.testing.BatchWorker;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Jobs;
import dev.mana.extract.testing.LoopbackSite;
import dev.mana.platform.Json;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.webhooks.DeliveryAttempt;
import dev.mana.platform.webhooks.DeliveryLog;
import dev.mana.platform.webhooks.JobWebhooks;
import dev.mana.platform.webhooks.WebhookDelivery;
import dev.mana.platform.webhooks.WebhookRetries;
import dev.mana.platform.webhooks.WebhookRetry;
import dev.mana.platform.webhooks.WebhookSecrets;
import dev.mana.platform.webhooks.WebhookSettings;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A batch job with a webhook: when the worker ends it, the receiver gets one signed POST (checked
 * here by an HMAC computed independently of the signer); a failed attempt lands on WebhooksQueue,
 * delayed, and WebhookRetries delivers it once due; both attempts are in the delivery log.
 */
@ExtendWith(AwsEmulatorExtension.class)
class BatchWebhookTest {
    static final String RETRY_DELAY_SECONDS = "2";

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
        worker = BatchWorker.worker(
                stack,
                Map.of(
                        "MANA_FETCH_ALLOW_CIDRS",
                        ExtractFunction.LOOPBACK,
                        JobWebhooks.RETRY_DELAYS_VARIABLE,
                        String.join(",", java.util.Collections.nCopies(5, RETRY_DELAY_SECONDS))));
        jobs = new Jobs(stack);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void aSucceededJob_isPostedToItsWebhook_signedWithTheAccountsSecret() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            String account = extract.account(10);
            // The secret as POST /v1/webhooks/secret hands it out (made on first use).
            String secret = secrets().rotate(account);
            var response = extract.batch(
                    account,
                    Bodies.batch(
                            List.of(site.page("/hooked/one", "article.html")),
                            Map.of("url", receiver.url(), "metadata", Map.of("order", 7))));
            assertThat(response.status()).as(response.text()).isEqualTo(202);
            String id = response.json().path("id").asText();

            assertThat(worker.feed(worker.take(id))).isEmpty();

            assertThat(jobs.job(account, id).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(receiver.received).hasSize(1);
            var post = receiver.received.get(0);
            assertThat(post.method()).isEqualTo("POST");
            assertThat(post.header("content-type")).startsWith("application/json");
            assertThat(independentlyVerified(
                            secret,
                            post.header("webhook-id"),
                            post.header("webhook-timestamp"),
                            post.body(),
                            post.header("webhook-signature")))
                    .as(post.headers().toString())
                    .isTrue();
            assertThat(independentlyVerified(
                            secret,
                            post.header("webhook-id"),
                            post.header("webhook-timestamp"),
                            post.body() + " ",
                            post.header("webhook-signature")))
                    .as("a changed body does not verify")
                    .isFalse();
            var body = Json.mapper().readTree(post.body());
            assertThat(body.path("type").asText()).isEqualTo("job.succeeded");
            assertThat(body.path("data").path("id").asText()).isEqualTo(id);
            assertThat(body.path("data").path("metadata").path("order").asInt()).isEqualTo(7);

            var log = deliveryLog().list(id);
            assertThat(log).hasSize(1);
            assertThat(log.get(0).result()).isEqualTo(DeliveryAttempt.Result.DELIVERED);
            assertThat(log.get(0).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aReceiverAnswering500_getsTheRetryFromWebhooksQueue_andBothAttemptsAreLogged() {
        try (var receiver = new WebhookReceiver(500)) {
            String account = extract.account(10);
            var response = extract.batch(
                    account,
                    Bodies.batch(List.of(site.page("/hooked/two", "second.html")), Map.of("url", receiver.url())));
            String id = response.json().path("id").asText();
            Instant before = Instant.now();

            assertThat(worker.feed(worker.take(id)))
                    .as("a failed delivery does not fail the job")
                    .isEmpty();

            assertThat(jobs.job(account, id).status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(receiver.received).hasSize(1);
            var message = worker.take("WebhooksQueue", id);
            var retry = WebhookRetry.fromJson(message.body());
            assertThat(retry.jobId()).isEqualTo(id);
            assertThat(retry.attempt()).isEqualTo(2);
            assertThat(retry.dueAt()).isAfter(before);
            assertThat(retry.due(Instant.now()))
                    .as("received once its delay passed")
                    .isTrue();

            var failures = retries().apply(sqsEvent(message.messageId(), message.body()));

            assertThat(failures.getBatchItemFailures()).isEmpty();
            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(1).header("webhook-id"))
                    .isEqualTo(receiver.received.get(0).header("webhook-id"));
            var log = deliveryLog().list(id);
            assertThat(log).extracting(DeliveryAttempt::attempt).containsExactly(2, 1);
            assertThat(log)
                    .extracting(DeliveryAttempt::result)
                    .containsExactly(DeliveryAttempt.Result.DELIVERED, DeliveryAttempt.Result.FAILED);
            assertThat(log.get(1).statusCode()).isEqualTo(500);
            assertThat(log.get(1).error()).isEqualTo("http_status");
        }
    }

    /** Standard Webhooks verification written from the spec, not with WebhookSigner. */
    static boolean independentlyVerified(String secret, String id, String timestamp, String body, String header)
            throws Exception {
        byte[] key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        String expected = Base64.getEncoder()
                .encodeToString(mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        return Arrays.stream(header.split(" ")).anyMatch(part -> part.equals("v1," + expected));
    }

    static WebhookSecrets secrets() {
        return new WebhookSecrets(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
    }

    static DeliveryLog deliveryLog() {
        return new DeliveryLog(stack.clients().dynamoDb(), stack.ref("JobsTable"));
    }

    /** What the jobs jar's webhookRetries bean runs, wired to this stack. */
    static WebhookRetries retries() {
        var settings = new WebhookSettings(
                java.util.Collections.nCopies(5, Duration.ofSeconds(2)),
                Duration.ofSeconds(5),
                "Mana-Webhooks/test",
                Clock.systemUTC());
        var delivery = new WebhookDelivery(
                new PageFetcher(FetchPolicy.withAllowCidrs(ExtractFunction.LOOPBACK)),
                secrets(),
                deliveryLog(),
                settings);
        var webhooks = new JobWebhooks(delivery, stack.clients().sqs(), stack.ref("WebhooksQueue"), Clock.systemUTC());
        return new WebhookRetries(jobs.store, webhooks, Clock.systemUTC());
    }

    static com.amazonaws.services.lambda.runtime.events.SQSEvent sqsEvent(String messageId, String body) {
        var record = new com.amazonaws.services.lambda.runtime.events.SQSEvent.SQSMessage();
        record.setMessageId(messageId);
        record.setBody(body);
        var event = new com.amazonaws.services.lambda.runtime.events.SQSEvent();
        event.setRecords(List.of(record));
        return event;
    }
}
