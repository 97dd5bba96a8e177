package dev.mana.stt.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.stt.testing.MultipartBody;
import dev.mana.stt.testing.Speech;
import dev.mana.stt.testing.SttApi;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The seed's sync route on the committed test model: answers, charges, refuses. */
@ExtendWith(AwsEmulatorExtension.class)
class TranscribeRouteTest {

    static SttApi stt;
    static byte[] speech;

    @BeforeAll
    static void start(EmulatedStack stack) throws Exception {
        stt = new SttApi(stack, Map.of());
        speech = Speech.say("hello world this is a test", Speech.Format.WAV);
    }

    private static MultipartBody audio(byte[] bytes, String name) {
        return new MultipartBody().file("file", name, "audio/wav", bytes).field("language", "en");
    }

    @Test
    void speech_isTranscribed_andChargedOneCreditPerStartedMinute() {
        String account = stt.account(5);

        var response = stt.post("/v1/stt/transcribe", account, audio(speech, "hello.wav"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var body = response.json();
        assertThat(body.path("model").asText()).isEqualTo("whisper-tiny-test");
        assertThat(body.path("language").asText()).isEqualTo("en");
        assertThat(body.path("duration").asDouble()).isBetween(1.0, 4.0);
        assertThat(body.path("segments").isArray()).isTrue();
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("4");
        assertThat(stt.balance(account)).isEqualTo(4);
    }

    @Test
    void withoutLanguage_aModelSpeakingOneLanguage_answersInIt() {
        var response = stt.post(
                "/v1/stt/transcribe", stt.account(5), new MultipartBody().file("file", "a.wav", "audio/wav", speech));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("language").asText()).isEqualTo("en");
    }

    @Test
    void silence_is422InvalidAudio_andNothingCharged() throws Exception {
        String account = stt.account(5);

        var response = stt.post("/v1/stt/transcribe", account, audio(Speech.silence(3, Speech.Format.WAV), "s.wav"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("invalid_audio");
        assertThat(response.json().path("detail").asText()).contains("no speech");
        assertThat(stt.balance(account)).isEqualTo(5);
    }

    @Test
    void notAudio_empty_andTruncated_are422_andNothingCharged() throws Exception {
        String account = stt.account(5);
        byte[] mp3 = Speech.say("hello world", Speech.Format.MP3);
        byte[] truncatedMp4 = java.util.Arrays.copyOf(Speech.say("hello world", Speech.Format.MP4), 300);

        for (var bad : Map.of(
                        "notes.txt",
                        "just some text, not audio".getBytes(),
                        "empty.wav",
                        new byte[0],
                        "cut.mp4",
                        truncatedMp4,
                        "head.mp3",
                        java.util.Arrays.copyOf(mp3, 40))
                .entrySet()) {
            var response = stt.post("/v1/stt/transcribe", account, audio(bad.getValue(), bad.getKey()));

            assertThat(response.status())
                    .as(bad.getKey() + ": " + response.text())
                    .isEqualTo(422);
            assertThat(response.json().path("code").asText()).as(bad.getKey()).isEqualTo("invalid_audio");
        }
        assertThat(stt.balance(account)).isEqualTo(5);
    }

    @Test
    void missingFile_is422NamingIt() {
        var response = stt.post("/v1/stt/transcribe", stt.account(5), new MultipartBody().field("language", "en"));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asText()).isEqualTo("file");
    }

    @Test
    void withoutCredits_is402_beforeDecoding() {
        String account = stt.account(0);

        var response = stt.post("/v1/stt/transcribe", account, audio(speech, "hello.wav"));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().path("code").asText()).isEqualTo("insufficient_credits");
    }

    @Test
    void unknownLanguageOrModel_is422NamingTheField() {
        String account = stt.account(5);

        var language = stt.post(
                "/v1/stt/transcribe",
                account,
                new MultipartBody().file("file", "a.wav", "audio/wav", speech).field("language", "klingon"));
        var model = stt.post(
                "/v1/stt/transcribe",
                account,
                new MultipartBody().file("file", "a.wav", "audio/wav", speech).field("model", "whisper-huge"));

        assertThat(language.status()).isEqualTo(422);
        assertThat(language.json().path("field").asText()).isEqualTo("language");
        assertThat(model.status()).isEqualTo(422);
        assertThat(model.json().path("field").asText()).isEqualTo("model");
    }

    @Test
    void voxtral_withoutGpuWorker_is503ModelUnavailable() {
        var response = stt.post("/v1/stt/transcribe/voxtral", stt.account(5), audio(speech, "hello.wav"));

        assertThat(response.status()).isEqualTo(503);
        assertThat(response.json().path("code").asText()).isEqualTo("model_unavailable");
        assertThat(response.json().path("detail").asText()).contains("GPU worker");
    }

    @Test
    void auto_picksTheDeployedModelForEnglish() {
        var response = stt.post("/v1/stt/transcribe/auto", stt.account(5), audio(speech, "hello.wav"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("model").asText()).isEqualTo("whisper-tiny-test");
    }

    @Test
    void jsonBody_is415() {
        var response = stt.postJson("/v1/stt/transcribe", stt.account(5), "{\"file\":\"x\"}");

        assertThat(response.status()).isEqualTo(415);
    }

    @Test
    void models_listsTheTestModelAndVoxtral_withAvailabilityAndPrice() {
        var response = stt.get("/v1/stt/models", stt.account(0));

        assertThat(response.status()).isEqualTo(200);
        var data = response.json().path("data");
        assertThat(data.findValuesAsText("id")).contains("whisper-tiny-test", "voxtral-mini");
        for (var model : data) {
            if (model.path("id").asText().equals("voxtral-mini")) {
                assertThat(model.path("available").asBoolean()).isFalse();
                assertThat(model.path("device").asText()).isEqualTo("gpu");
            } else if (model.path("id").asText().equals("whisper-tiny-test")) {
                assertThat(model.path("available").asBoolean()).isTrue();
                assertThat(model.path("pricePerMinute").asInt()).isEqualTo(1);
                assertThat(model.path("languages").toString()).contains("en");
            }
        }
    }
}
