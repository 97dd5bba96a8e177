package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import dev.mana.tts.testing.KokoroFixture;
import dev.mana.tts.testing.TtsFunction;
import dev.mana.tts.testing.TtsWorker;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The seed's Kokoro route and /auto; long text as a job run by the worker, its audio in S3. */
@ExtendWith(AwsEmulatorExtension.class)
class SynthesizeKokoroRouteTest {

    @TempDir
    static Path dir;

    static EmulatedStack stack;
    static TtsFunction tts;
    static Map<String, String> kokoro;

    @BeforeAll
    static void start(EmulatedStack emulated) throws Exception {
        stack = emulated;
        Path model = KokoroFixture.modelDirectory(Files.createDirectories(dir.resolve("model")));
        kokoro = Map.of("MANA_KOKORO_MODEL_DIR", model.toString());
        tts = new TtsFunction(stack, kokoro);
    }

    @Test
    void shortText_answersKokorosAudio_inTheSeedsFormat() {
        String account = tts.account(10);

        var response = tts.call(TtsFunction.post(
                "/v1/tts/synthesize/kokoro",
                account,
                Json.write(Map.of(
                        "text",
                        "Hello from the seed route.",
                        "voice",
                        "af_heart",
                        "speed",
                        1.0,
                        "output_format",
                        "flac"))));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("audio/flac");
        assertThat(response.header("X-Credits-Charged")).isEqualTo("2");
    }

    @Test
    void auto_picksKokoroForItsVoices_andEspeakForEspeaksVoices() {
        String account = tts.account(10);

        var none = tts.call(TtsFunction.post("/v1/tts/synthesize/auto", account, "{\"text\":\"Hi there.\"}"));
        var espeak = tts.call(
                TtsFunction.post("/v1/tts/synthesize/auto", account, "{\"text\":\"Hi there.\",\"voice\":\"en-gb\"}"));
        var mix = tts.call(TtsFunction.post(
                "/v1/tts/synthesize/auto", account, "{\"text\":\"Hi there.\",\"voice\":\"af_bella(1)+af_heart(1)\"}"));

        assertThat(none.header("X-Tts-Model")).as(none.text()).isEqualTo("kokoro");
        assertThat(espeak.header("X-Tts-Model")).as(espeak.text()).isEqualTo("espeak");
        assertThat(espeak.header("X-Tts-Voice")).isEqualTo("en-gb");
        assertThat(mix.header("X-Tts-Model")).as(mix.text()).isEqualTo("kokoro");
    }

    @Test
    void longText_isAJob_heldThenCharged_withItsAudioInS3() throws Exception {
        String account = tts.account(50);
        String text =
                "The lighthouse keeper climbed the stairs again, counting every step. ".repeat(70); // 4,830 characters

        var accepted = tts.call(TtsFunction.post(
                "/v1/tts/synthesize/kokoro",
                account,
                Json.write(Map.of("text", text, "voice", "af_heart", "output_format", "mp3"))));

        assertThat(accepted.status()).as(accepted.text()).isEqualTo(202);
        String jobId = accepted.json().path("id").asText();
        assertThat(accepted.header("Location")).isEqualTo("/v1/jobs/" + jobId);
        assertThat(tts.balance(account)).isEqualTo(50 - 10); // 5 started thousands x 2, held

        var worker = new TtsWorker(stack, kokoro);
        assertThat(worker.feed(worker.take(jobId))).isEmpty();

        var dynamo = stack.clients().dynamoDb();
        var jobs = new JobStore(dynamo, stack.ref("JobsTable"), new CreditLedger(dynamo, stack.ref("CreditsTable")));
        var job = jobs.get(account, jobId).orElseThrow();
        assertThat(job.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(job.credits().charged()).isEqualTo(10);
        assertThat(tts.balance(account)).isEqualTo(40);
        @SuppressWarnings("unchecked")
        var keys = (java.util.List<String>) job.result().get("s3Keys");
        byte[] audio = stack.clients()
                .s3()
                .getObjectAsBytes(r -> r.bucket(stack.ref("DataBucket")).key(keys.get(0)))
                .asByteArray();
        Path file = Files.write(dir.resolve("job.mp3"), audio);
        float[] decoded = AudioCodecs.fromEnvironment().decodeMono(file, 24_000);
        double seconds = ((Number) job.result().get("seconds")).doubleValue();
        assertThat(decoded.length / 24_000.0).isCloseTo(seconds, within(seconds * 0.05));
        assertThat(job.result()).containsEntry("format", "mp3").containsEntry("engine", "kokoro");
    }

    @Test
    void textOverTheJobMaximum_answers422_andHoldsNothing() {
        String account = tts.account(500);

        var response = tts.call(TtsFunction.post(
                "/v1/tts/synthesize/kokoro", account, Json.write(Map.of("text", "a".repeat(100_001)))));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("maxCharacters").asInt()).isEqualTo(100_000);
        assertThat(tts.balance(account)).isEqualTo(500);
    }
}
