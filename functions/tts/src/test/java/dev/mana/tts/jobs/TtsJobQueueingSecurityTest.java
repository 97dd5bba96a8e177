package dev.mana.tts.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.Json;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.tts.testing.TtsFunction;
import dev.mana.tts.testing.TtsWorker;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A long-text job holds its credits from creation, so one that never reaches TtsQueue must not
 * keep them: with an Idempotency-Key the retry queues it; without one it fails at once, released.
 */
@ExtendWith(AwsEmulatorExtension.class)
class TtsJobQueueingSecurityTest {
    static final String LONG_TEXT = "The lighthouse keeper counted every step of the stairs. ".repeat(80);

    static EmulatedStack stack;
    static TtsFunction tts;
    static TtsFunction queueDown;
    static JobStore jobs;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        tts = new TtsFunction(s);
        queueDown = new TtsFunction(s, Map.of("TTS_QUEUE_URL", s.ref("TtsQueue") + "-missing"));
        var dynamo = s.clients().dynamoDb();
        jobs = new JobStore(dynamo, s.ref("JobsTable"), new CreditLedger(dynamo, s.ref("CreditsTable")));
    }

    static ProxyResponse speak(TtsFunction function, String account, String key) {
        var event = TtsFunction.post(
                "/v1/tts/synthesize/auto", account, Json.write(Map.of("text", LONG_TEXT, "voice", "en-us")));
        return function.call(key == null ? event : event.header("Idempotency-Key", key));
    }

    @Test
    void queueRefusal_withAKey_answers503_andTheRetryQueuesTheSameJob() {
        String account = tts.account(20);

        var refused = speak(queueDown, account, "tts-queue-down-1");
        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().path("detail").asText()).contains("same Idempotency-Key");
        assertThat(refused.header("Retry-After")).isEqualTo("5");

        var replayed = speak(tts, account, "tts-queue-down-1");

        assertThat(replayed.status()).as(replayed.text()).isEqualTo(202);
        String id = replayed.json().path("id").asText();
        assertThat(jobs.list(account, null, null, null, 10).jobs())
                .singleElement()
                .satisfies(job -> {
                    assertThat(job.id()).isEqualTo(id);
                    assertThat(jobs.awaitingQueue(job)).isFalse();
                });
        assertThat(new TtsWorker(stack, Map.of()).take(id).body()).contains(id);
    }

    @Test
    void queueRefusal_withoutAKey_failsTheJob_andReleasesItsHold() {
        String account = tts.account(20);

        var refused = speak(queueDown, account, null);

        assertThat(refused.status()).as(refused.text()).isEqualTo(503);
        assertThat(refused.json().path("detail").asText()).contains("credits were released");
        assertThat(jobs.list(account, null, null, null, 10).jobs())
                .singleElement()
                .satisfies(job -> assertThat(job.status()).isEqualTo(JobStatus.FAILED));
        assertThat(tts.balance(account)).isEqualTo(20);
    }
}
