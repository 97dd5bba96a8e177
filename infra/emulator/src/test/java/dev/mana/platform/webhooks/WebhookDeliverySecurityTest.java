package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.webhooks.DeliveryAttempt.Result;
import dev.mana.platform.webhooks.DeliveryOutcome.Status;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** With the allow-list empty, as in production: private receivers are refused, logged, never retried. */
@ExtendWith(AwsEmulatorExtension.class)
class WebhookDeliverySecurityTest {
    private final WebhooksFixture f;

    WebhookDeliverySecurityTest(EmulatedStack stack) {
        this.f = new WebhooksFixture(stack, "");
    }

    @Test
    void deliver_toALoopbackReceiver_isRefused_andItIsNeverAsked() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            var job = f.ended(JobStatus.SUCCEEDED, receiver.url(), List.of());

            assertThat(f.delivery.deliver(job)).isEqualTo(new DeliveryOutcome(Status.REFUSED, null));

            assertThat(receiver.received).isEmpty();
        }
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "http://10.0.0.1/hook",
                "http://169.254.169.254/latest/meta-data/",
                "http://localhost/hook",
                "http://[::1]/hook",
                "http://2130706433/hook"
            })
    void deliver_toAPrivateAddress_isRefused_andLoggedAsRefused(String url) {
        var job = f.ended(JobStatus.SUCCEEDED, url, List.of());

        var outcome = f.delivery.deliver(job);

        assertThat(outcome.status()).isEqualTo(Status.REFUSED);
        assertThat(f.log.list(job.id())).singleElement().satisfies(a -> {
            assertThat(a.result()).isEqualTo(Result.REFUSED);
            assertThat(a.error()).isEqualTo("blocked_address");
            assertThat(a.statusCode()).isNull();
            assertThat(a.url()).isEqualTo(url);
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"ftp://example.com/hook", "not a url", "/relative"})
    void deliver_toAnUnusableUrl_isRefused(String url) {
        var job = f.ended(JobStatus.FAILED, url, List.of());

        assertThat(f.delivery.deliver(job).status()).isEqualTo(Status.REFUSED);
        assertThat(f.log.list(job.id())).extracting(DeliveryAttempt::result).containsExactly(Result.REFUSED);
    }
}
