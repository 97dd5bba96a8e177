package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookRetryTest {
    private static final Instant NOW = Instant.parse("2025-01-01T00:00:00Z");

    @Test
    void json_roundTrips_withTheEventsWireName() {
        var retry = new WebhookRetry("job_1", WebhookEvent.JOB_FAILED, 3, NOW.plusSeconds(120));

        String json = retry.toJson();

        assertThat(json).contains("\"event\":\"job.failed\"").contains("\"dueAt\":\"2025-01-01T00:02:00Z\"");
        assertThat(WebhookRetry.fromJson(json)).isEqualTo(retry);
    }

    @Test
    void fromJson_ofSomethingElse_isRefused() {
        assertThatThrownBy(() -> WebhookRetry.fromJson("{\"jobId\":\"job_1\"}"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> WebhookRetry.fromJson("not json")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void delaySeconds_isTheWaitLeft_atMostWhatSqsAllows() {
        var inAnHour = new WebhookRetry("job_1", WebhookEvent.JOB_SUCCEEDED, 6, NOW.plus(Duration.ofHours(1)));
        var soon = new WebhookRetry("job_1", WebhookEvent.JOB_SUCCEEDED, 2, NOW.plusMillis(29_500));

        assertThat(inAnHour.delaySeconds(NOW)).isEqualTo(900);
        assertThat(inAnHour.due(NOW)).isFalse();
        assertThat(inAnHour.delaySeconds(NOW.plus(Duration.ofMinutes(55)))).isEqualTo(300);
        assertThat(soon.delaySeconds(NOW)).isEqualTo(30);
        assertThat(soon.delaySeconds(NOW.plusSeconds(60))).isZero();
        assertThat(soon.due(NOW.plusSeconds(30))).isTrue();
    }

    @Test
    void defaultSchedule_isSixAttemptsOverAboutAnHourAndThreeQuarters() {
        var settings = WebhookSettings.DEFAULTS;

        assertThat(settings.attempts()).isEqualTo(6);
        assertThat(settings.retryDelays().stream().reduce(Duration.ZERO, Duration::plus))
                .isEqualTo(Duration.ofMinutes(102).plusSeconds(30));
    }

    @Test
    void messageId_isStablePerJobAndEvent() {
        assertThat(WebhookDelivery.messageId("job_01abc", WebhookEvent.JOB_SUCCEEDED))
                .isEqualTo("msg_01abc_succeeded")
                .isEqualTo(WebhookDelivery.messageId("job_01abc", WebhookEvent.JOB_SUCCEEDED))
                .isNotEqualTo(WebhookDelivery.messageId("job_01abc", WebhookEvent.JOB_FAILED));
    }
}
