package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.webhooks.DeliveryAttempt.Result;
import dev.mana.platform.webhooks.DeliveryOutcome.Status;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class WebhookDeliveryTest {
    private final WebhooksFixture f;

    WebhookDeliveryTest(EmulatedStack stack) {
        this.f = new WebhooksFixture(stack, "127.0.0.0/8");
    }

    @Test
    void deliver_postsASignedEvent_thatTheSpecVerifies() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var job = f.ended(JobStatus.SUCCEEDED, receiver.url(), List.of());

            var outcome = f.delivery.deliver(job);

            assertThat(outcome).isEqualTo(new DeliveryOutcome(Status.DELIVERED, null));
            assertThat(receiver.received).hasSize(1);
            var request = receiver.received.get(0);
            assertThat(request.method()).isEqualTo("POST");
            assertThat(request.header("content-type")).isEqualTo("application/json");
            assertThat(request.header("webhook-id"))
                    .isEqualTo(WebhookDelivery.messageId(job.id(), WebhookEvent.JOB_SUCCEEDED));
            assertThat(request.header("webhook-timestamp"))
                    .isEqualTo(Long.toString(WebhooksFixture.START.getEpochSecond()));
            String secret = f.secrets.current(job.accountId());
            assertThat(WebhooksFixture.verifyingSecrets(request, List.of(secret, WebhookSigner.newSecret())))
                    .containsExactly(secret);
            var body = Json.mapper().readTree(request.body());
            assertThat(body.get("type").asText()).isEqualTo("job.succeeded");
            assertThat(body.get("data").get("id").asText()).isEqualTo(job.id());
            assertThat(body.get("data").get("metadata").get("order").asText()).isEqualTo("42");
            var logged = f.log.list(job.id());
            assertThat(logged).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(Result.DELIVERED);
                assertThat(a.statusCode()).isEqualTo(200);
                assertThat(a.event()).isEqualTo(WebhookEvent.JOB_SUCCEEDED);
                assertThat(a.url()).isEqualTo(receiver.url());
                assertThat(a.attempt()).isEqualTo(1);
                assertThat(a.latencyMs()).isNotNegative();
                assertThat(a.at()).isEqualTo(WebhooksFixture.START);
            });
        }
    }

    @Test
    void deliver_duringRotation_signsWithBothSecrets_andAfterADayWithTheNewOnly() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var job = f.ended(JobStatus.FAILED, receiver.url(), List.of());
            String old = f.secrets.current(job.accountId());
            String rotated = f.secrets.rotate(job.accountId());

            f.delivery.deliver(job);
            f.clock.advance(Duration.ofHours(24));
            f.delivery.deliver(job);

            assertThat(receiver.received).hasSize(2);
            assertThat(receiver.received.get(0).header("webhook-signature").split(" "))
                    .hasSize(2);
            assertThat(WebhooksFixture.verifyingSecrets(receiver.received.get(0), List.of(old, rotated)))
                    .containsExactlyInAnyOrder(old, rotated);
            assertThat(WebhooksFixture.verifyingSecrets(receiver.received.get(1), List.of(old, rotated)))
                    .containsExactly(rotated);
        }
    }

    @Test
    void deliver_answered500_retriesLater_withTheSameId_andIsDeliveredOnTheSecondAttempt() throws Exception {
        try (var receiver = new WebhookReceiver(500)) {
            var job = f.ended(JobStatus.SUCCEEDED, receiver.url(), List.of());

            var first = f.delivery.deliver(job);

            assertThat(first.status()).isEqualTo(Status.WILL_RETRY);
            var retry = first.retry().orElseThrow();
            assertThat(retry)
                    .isEqualTo(new WebhookRetry(
                            job.id(), WebhookEvent.JOB_SUCCEEDED, 2, WebhooksFixture.START.plusSeconds(30)));
            assertThat(retry.due(f.clock.instant())).isFalse();

            f.clock.advance(Duration.ofSeconds(30));
            var second = f.delivery.deliver(job, WebhookRetry.fromJson(retry.toJson()));

            assertThat(second.status()).isEqualTo(Status.DELIVERED);
            assertThat(receiver.received)
                    .extracting(r -> r.header("webhook-id"))
                    .containsOnly(WebhookDelivery.messageId(job.id(), WebhookEvent.JOB_SUCCEEDED))
                    .hasSize(2);
            assertThat(receiver.received.get(0).body())
                    .isEqualTo(receiver.received.get(1).body());
            assertThat(f.log.list(job.id()))
                    .extracting(
                            DeliveryAttempt::attempt,
                            DeliveryAttempt::result,
                            DeliveryAttempt::statusCode,
                            DeliveryAttempt::error)
                    .containsExactly(
                            org.assertj.core.groups.Tuple.tuple(2, Result.DELIVERED, 200, null),
                            org.assertj.core.groups.Tuple.tuple(1, Result.FAILED, 500, "http_status"));
        }
    }

    @Test
    void deliver_answeredARedirect_isAFailure_andTheRedirectIsNotFollowed() throws Exception {
        try (var receiver = new WebhookReceiver(302)) {
            var job = f.ended(JobStatus.SUCCEEDED, receiver.url(), List.of());

            var outcome = f.delivery.deliver(job);

            assertThat(outcome.status()).isEqualTo(Status.WILL_RETRY);
            assertThat(receiver.received).hasSize(1);
            assertThat(f.log.list(job.id())).singleElement().satisfies(a -> {
                assertThat(a.result()).isEqualTo(Result.FAILED);
                assertThat(a.statusCode()).isEqualTo(302);
                assertThat(a.error()).isEqualTo("redirect");
            });
        }
    }

    @Test
    void deliver_failingEveryTime_followsTheBackoff_andGivesUpAfterTheSixthAttempt() throws Exception {
        try (var receiver = new WebhookReceiver(503, 503, 503, 503, 503, 503, 503)) {
            var job = f.ended(JobStatus.CANCELED, receiver.url(), List.of());

            var outcome = f.delivery.deliver(job);
            var waits = new java.util.ArrayList<Duration>();
            while (outcome.status() == Status.WILL_RETRY) {
                var retry = outcome.next();
                waits.add(Duration.between(f.clock.instant(), retry.dueAt()));
                f.clock.advance(waits.getLast());
                outcome = f.delivery.deliver(job, retry);
            }

            assertThat(outcome.status()).isEqualTo(Status.GAVE_UP);
            assertThat(waits).isEqualTo(WebhookSettings.DEFAULTS.retryDelays());
            assertThat(receiver.received).hasSize(6);
            assertThat(f.log.list(job.id()))
                    .extracting(DeliveryAttempt::attempt)
                    .containsExactly(6, 5, 4, 3, 2, 1);
            var late = new WebhookRetry(job.id(), WebhookEvent.JOB_CANCELED, 7, f.clock.instant());
            assertThat(f.delivery.deliver(job, late).status()).isEqualTo(Status.GAVE_UP);
            assertThat(receiver.received).hasSize(6);
        }
    }

    @Test
    void deliver_eventNotInTheFilter_sendsNothing() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var failed = f.ended(JobStatus.FAILED, receiver.url(), List.of("job.succeeded"));
            var succeeded = f.ended(JobStatus.SUCCEEDED, receiver.url(), List.of("job.succeeded"));

            assertThat(f.delivery.deliver(failed).status()).isEqualTo(Status.SKIPPED);
            assertThat(f.delivery.deliver(succeeded).status()).isEqualTo(Status.DELIVERED);

            assertThat(receiver.received).hasSize(1);
            assertThat(f.log.list(failed.id())).isEmpty();
        }
    }

    @Test
    void deliver_jobStillRunning_sendsNothing() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var running = f.ended(JobStatus.RUNNING, receiver.url(), List.of());

            assertThat(f.delivery.deliver(running).status()).isEqualTo(Status.SKIPPED);
            assertThat(receiver.received).isEmpty();
        }
    }
}
