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

/** OpenAI's audio routes answer in OpenAI's shapes, whatever the model says. */
@ExtendWith(AwsEmulatorExtension.class)
class OpenAiAudioRouteTest {

    static SttApi stt;
    static byte[] speech;

    @BeforeAll
    static void start(EmulatedStack stack) throws Exception {
        stt = new SttApi(stack, Map.of());
        speech = Speech.say("please open the blue window", Speech.Format.MP3);
    }

    private static MultipartBody form(String format) {
        MultipartBody form = new MultipartBody()
                .file("file", "speech.mp3", "audio/mpeg", speech)
                .field("model", "whisper-1")
                .field("language", "en");
        return format == null ? form : form.field("response_format", format);
    }

    @Test
    void json_isJustText() {
        var response = stt.post("/v1/audio/transcriptions", stt.account(5), form(null));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().has("text")).isTrue();
        assertThat(response.json().size()).isEqualTo(1);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
    }

    @Test
    void text_srt_andVtt_arePlainTextInTheirFormats() {
        String account = stt.account(10);

        var text = stt.post("/v1/audio/transcriptions", account, form("text"));
        var srt = stt.post("/v1/audio/transcriptions", account, form("srt"));
        var vtt = stt.post("/v1/audio/transcriptions", account, form("vtt"));

        assertThat(text.header("Content-Type")).startsWith("text/plain");
        assertThat(text.text()).endsWith("\n");
        assertThat(srt.text()).matches("(?s)1\\n\\d\\d:\\d\\d:\\d\\d,\\d{3} --> \\d\\d:\\d\\d:\\d\\d,\\d{3}\\n.*");
        assertThat(vtt.header("Content-Type")).startsWith("text/vtt");
        assertThat(vtt.text()).startsWith("WEBVTT\n\n").contains(" --> ");
    }

    @Test
    void verboseJson_withWordGranularity_hasSegmentsAndWords() {
        var response = stt.post(
                "/v1/audio/transcriptions",
                stt.account(5),
                form("verbose_json")
                        .field("timestamp_granularities[]", "word")
                        .field("timestamp_granularities[]", "segment"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        var body = response.json();
        assertThat(body.path("task").asText()).isEqualTo("transcribe");
        assertThat(body.path("language").asText()).isEqualTo("english");
        assertThat(body.path("duration").asDouble()).isPositive();
        var segment = body.path("segments").get(0);
        assertThat(segment.has("avg_logprob")).isTrue();
        assertThat(segment.has("no_speech_prob")).isTrue();
        assertThat(segment.path("tokens").isArray()).isTrue();
        var words = body.path("words");
        assertThat(words.size()).isPositive();
        for (int i = 1; i < words.size(); i++) {
            assertThat(words.get(i).path("start").asDouble())
                    .isGreaterThanOrEqualTo(words.get(i - 1).path("end").asDouble() - 1e-3);
        }
    }

    @Test
    void translations_answerTheTranslateTask() {
        var response = stt.post("/v1/audio/translations", stt.account(5), form("verbose_json"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("task").asText()).isEqualTo("translate");
    }

    @Test
    void badOptions_are422NamingTheField_andNothingCharged() {
        String account = stt.account(5);

        var format = stt.post("/v1/audio/transcriptions", account, form("docx"));
        var temperature =
                stt.post("/v1/audio/transcriptions", account, form(null).field("temperature", "3"));
        var grains =
                stt.post("/v1/audio/transcriptions", account, form("json").field("timestamp_granularities[]", "word"));
        var noModel = stt.post(
                "/v1/audio/transcriptions", account, new MultipartBody().file("file", "a.mp3", "audio/mpeg", speech));

        assertThat(format.json().path("field").asText()).isEqualTo("response_format");
        assertThat(temperature.json().path("field").asText()).isEqualTo("temperature");
        assertThat(grains.json().path("field").asText()).isEqualTo("timestamp_granularities[]");
        assertThat(noModel.json().path("field").asText()).isEqualTo("model");
        assertThat(java.util.List.of(format, temperature, grains, noModel))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(422));
        assertThat(stt.balance(account)).isEqualTo(5);
    }
}
