package dev.mana.stt.worker;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.WebhookReceiver;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.stt.testing.MultipartBody;
import dev.mana.stt.testing.Speech;
import dev.mana.stt.testing.SttApi;
import dev.mana.stt.testing.SttWorker;
import dev.mana.stt.testing.Uploads;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The async path: an upload becomes a job holding its price, the worker transcribes it from
 * SttQueue (progress per window), charges the duration, and the webhook is told; long audio on a
 * sync route becomes a job too; bad audio is refused before anything is held.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SttJobTest {

    static EmulatedStack stack;
    static SttApi stt;
    static SttWorker worker;
    static JobStore jobs;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        Map<String, String> env = Map.of("MANA_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "STT_SYNC_MAX_SECONDS", "4");
        stt = new SttApi(stack, env);
        worker = new SttWorker(stack, env);
        jobs = new JobStore(stack.clients().dynamoDb(), stack.ref("JobsTable"), stt.ledger);
    }

    @Test
    void uploadJob_holdsItsPrice_isTranscribedByTheWorker_charged_andPostedToItsWebhook() throws Exception {
        try (var receiver = new WebhookReceiver()) {
            String account = stt.account(10);
            byte[] mp3 = Speech.say("good morning it works", Speech.Format.MP3);
            String uploadId = Uploads.put(stack, account, "speech.mp3", mp3);

            var created = stt.postJson(
                    "/v1/stt/jobs",
                    account,
                    Json.write(
                            Map.of("uploadId", uploadId, "language", "en", "webhook", Map.of("url", receiver.url()))));

            assertThat(created.status()).as(created.text()).isEqualTo(202);
            String id = created.json().path("id").asText();
            assertThat(created.header("Location")).isEqualTo("/v1/jobs/" + id);
            assertThat(stt.balance(account)).as("one minute held").isEqualTo(9);

            assertThat(worker.feed(worker.take(id))).isEmpty();

            var job = jobs.get(account, id).orElseThrow();
            assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
            assertThat(job.kind()).isEqualTo("stt");
            assertThat(job.progress().done()).isEqualTo(job.progress().total()).isPositive();
            assertThat(job.result()).containsKeys("text", "language", "duration", "segments");
            assertThat(job.result().get("model")).isEqualTo("whisper-tiny-test");
            assertThat(stt.balance(account)).as("charged one minute").isEqualTo(9);
            assertThat(receiver.received).hasSize(1);
            var body = Json.mapper().readTree(receiver.received.get(0).body());
            assertThat(body.path("type").asText()).isEqualTo("job.succeeded");
            assertThat(body.path("data").path("id").asText()).isEqualTo(id);
        }
    }

    @Test
    void longAudioOnASyncRoute_becomesAJob_insteadOfTimingOut() throws Exception {
        String account = stt.account(10);
        byte[] speech = Speech.say(
                "one two three four five six seven eight nine ten one two three four five", Speech.Format.FLAC);

        var response = stt.post(
                "/v1/audio/transcriptions",
                account,
                new MultipartBody()
                        .file("file", "long.flac", "audio/flac", speech)
                        .field("model", "whisper-1"));

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        String id = response.json().path("id").asText();
        assertThat(worker.feed(worker.take(id))).isEmpty();
        assertThat(jobs.get(account, id).orElseThrow().status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(stt.balance(account)).isEqualTo(9);
    }

    @Test
    void silentUpload_isRefusedAtWork_andItsHoldReleased() throws Exception {
        String account = stt.account(10);
        String uploadId = Uploads.put(stack, account, "quiet.wav", Speech.silence(5, Speech.Format.WAV));

        var created = stt.postJson("/v1/stt/jobs", account, Json.write(Map.of("uploadId", uploadId)));
        assertThat(created.status()).isEqualTo(202);
        String id = created.json().path("id").asText();
        worker.feed(worker.take(id));

        var job = jobs.get(account, id).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.FAILED);
        assertThat(job.error().get("code")).isEqualTo("invalid_audio");
        assertThat(stt.balance(account)).as("nothing charged").isEqualTo(10);
    }

    @Test
    void notAudioUpload_unknownUpload_andAnotherAccountsUpload_are422_nothingHeld() {
        String account = stt.account(10);
        String text = Uploads.put(stack, account, "notes.mp3", "not audio".getBytes());
        String theirs = Uploads.put(stack, stt.account(10), "x.mp3", "x".getBytes());

        var notAudio = stt.postJson("/v1/stt/jobs", account, Json.write(Map.of("uploadId", text)));
        var unknown =
                stt.postJson("/v1/stt/jobs", account, Json.write(Map.of("uploadId", "upl_0000000000000000000000000z")));
        var other = stt.postJson("/v1/stt/jobs", account, Json.write(Map.of("uploadId", theirs)));

        assertThat(notAudio.status()).isEqualTo(422);
        assertThat(notAudio.json().path("code").asText()).isEqualTo("invalid_audio");
        assertThat(notAudio.json().path("field").asText()).isEqualTo("uploadId");
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.json().path("field").asText()).isEqualTo("uploadId");
        assertThat(other.status()).isEqualTo(422);
        assertThat(stt.balance(account)).isEqualTo(10);
    }
}
