package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.tts.testing.KokoroFixture;
import dev.mana.tts.testing.TtsFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * {@code model: "kokoro"} through the deployed function, its model directory an S3 prefix the
 * function copies at start (as on Lambda), with the generated test model in it.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SpeechRouteKokoroTest {

    @TempDir
    static Path dir;

    static TtsFunction tts;

    @BeforeAll
    static void start(EmulatedStack stack) throws Exception {
        Path model = KokoroFixture.modelDirectory(dir);
        String bucket = stack.ref("DataBucket");
        String prefix = "models/kokoro-" + UUID.randomUUID() + "/";
        try (var files = Files.walk(model)) {
            for (Path file : files.filter(Files::isRegularFile).toList()) {
                stack.clients()
                        .s3()
                        .putObject(
                                PutObjectRequest.builder()
                                        .bucket(bucket)
                                        .key(prefix
                                                + model.relativize(file)
                                                        .toString()
                                                        .replace('\\', '/'))
                                        .build(),
                                RequestBody.fromFile(file.toRealPath()));
            }
        }
        tts = new TtsFunction(stack, Map.of("MANA_KOKORO_MODEL_DIR", "s3://" + bucket + "/" + prefix));
    }

    @Test
    void kokoro_speaks_24kHzWav_andCostsTwoCreditsPerThousandCharacters() throws Exception {
        String account = tts.account(10);

        var response = tts.speech(
                account,
                Map.of(
                        "model",
                        "kokoro",
                        "input",
                        "Hello from Kokoro.",
                        "voice",
                        "af_heart",
                        "response_format",
                        "wav"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Tts-Model")).isEqualTo("kokoro");
        assertThat(response.header("X-Credits-Charged")).isEqualTo("2");
        Path file = Files.write(dir.resolve("kokoro.wav"), response.body());
        var info = AudioCodecs.fromEnvironment().probe(file);
        assertThat(info.sampleRate()).isEqualTo(24_000);
        // Every sample the model wrote is in the file: (tokens + 2 pads) x 1,200.
        float[] decoded = AudioCodecs.fromEnvironment().decodeMono(file, 24_000);
        assertThat(decoded.length % KokoroFixture.SAMPLES_PER_TOKEN).isZero();
        assertThat(decoded.length / KokoroFixture.SAMPLES_PER_TOKEN).isBetween(12, 30);
    }

    @Test
    void aMixedVoice_andOpenAIsVoiceNames_areAccepted() {
        String account = tts.account(10);

        var mix = tts.speech(account, Map.of("model", "kokoro", "input", "Hi.", "voice", "af_bella(2)+af_sky(1)"));
        var nova = tts.speech(account, Map.of("model", "kokoro", "input", "Hi.", "voice", "nova"));

        assertThat(mix.status()).as(mix.text()).isEqualTo(200);
        assertThat(mix.header("X-Tts-Voice")).isEqualTo("af_bella(2)+af_sky(1)");
        assertThat(nova.status()).as(nova.text()).isEqualTo(200);
        assertThat(nova.header("X-Tts-Voice")).isEqualTo("af_nova");
    }

    @Test
    void anUnknownKokoroVoice_answers422_andCostsNothing() {
        String account = tts.account(10);

        var response = tts.speech(account, Map.of("model", "kokoro", "input", "Hi.", "voice", "af_bella(2)+xx_nobody"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asText()).isEqualTo("voice");
        assertThat(tts.balance(account)).isEqualTo(10);
    }
}
