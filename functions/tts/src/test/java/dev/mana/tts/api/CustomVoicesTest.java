package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.audio.AudioFormat;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.TtsFunction;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Voices: create, list, use, delete; other accounts refused; slots per tier enforced. */
@ExtendWith(AwsEmulatorExtension.class)
class CustomVoicesTest {

    static final String CONSENT = "I, Ada Example, consent to my voice being cloned by Mana API.";

    static EmulatedStack stack;
    static TtsFunction tts;
    static byte[] recording;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        tts = new TtsFunction(stack);
        // Real speech of about 5 s, as a speaker would record it.
        float[] speech = Engines.espeak()
                .speak("This is my voice. I read this sentence so that it can be cloned later on.", "en-us", 1.0);
        recording = AudioCodecs.fromEnvironment().encode(speech, SpeechEngine.SAMPLE_RATE, AudioFormat.WAV);
    }

    @Test
    void aVoice_isCreated_listed_refusedToOthers_usedAs503_andDeleted() {
        String account = tts.account(10);
        String other = tts.account(10);

        var created = create(account, "free", recording, "Ada", CONSENT);

        assertThat(created.status()).as(created.text()).isEqualTo(201);
        String id = created.json().path("id").asText();
        assertThat(id).startsWith("voice_");
        assertThat(created.json().path("seconds").asDouble()).isBetween(3.0, 10.0);
        assertThat(stack.clients()
                        .s3()
                        .getObjectAsBytes(r -> r.bucket(stack.ref("DataBucket")).key("voices/" + account + "/" + id))
                        .asByteArray())
                .isEqualTo(recording);

        var listed = list(account);
        assertThat(listed.json().path("custom").findValuesAsText("id")).containsExactly(id);
        assertThat(listed.json().path("slots").path("used").asInt()).isEqualTo(1);
        assertThat(listed.json().path("slots").path("limit").asInt()).isEqualTo(1);
        assertThat(list(other).json().path("custom")).isEmpty();

        var use = synthesize(account, id);
        assertThat(use.status()).as(use.text()).isEqualTo(503);
        assertThat(use.json().path("code").asText()).isEqualTo("model_unavailable");
        var auto = tts.call(
                TtsFunction.post("/v1/tts/synthesize/auto", account, "{\"text\":\"Hello.\",\"voice\":\"" + id + "\"}"));
        assertThat(auto.status()).isEqualTo(503);
        assertThat(tts.balance(account)).isEqualTo(10);

        assertThat(synthesize(other, id).status()).isEqualTo(404);
        assertThat(delete(other, id).status()).isEqualTo(404);

        assertThat(delete(account, id).status()).isEqualTo(204);
        assertThat(delete(account, id).status()).isEqualTo(404);
        assertThat(list(account).json().path("custom")).isEmpty();
        assertThat(synthesize(account, id).status()).isEqualTo(404);
    }

    @Test
    void slots_areTheTiers_andADeleteFreesOne() {
        String free = tts.account(0);
        String pro = tts.account(0);

        String first = create(free, "free", recording, "One", CONSENT)
                .json()
                .path("id")
                .asText();
        var second = create(free, "free", recording, "Two", CONSENT);
        assertThat(second.status()).as(second.text()).isEqualTo(403);
        assertThat(second.json().path("slots").asInt()).isEqualTo(1);

        for (int i = 0; i < 2; i++)
            assertThat(create(pro, "pro", recording, "Pro " + i, CONSENT).status())
                    .isEqualTo(201);

        delete(free, first);
        assertThat(create(free, "free", recording, "Again", CONSENT).status()).isEqualTo(201);
    }

    @Test
    void aRecordingThatIsNotAudio_tooShort_orWithoutConsent_answers4xx_andTakesNoSlot() {
        String account = tts.account(0);
        float[] beep = dev.mana.tts.testing.Signals.sine(440, 1.0, 24_000);
        byte[] short1s = AudioCodecs.fromEnvironment().encode(beep, 24_000, AudioFormat.WAV);

        assertThat(create(account, "free", "not audio at all".getBytes(), "X", CONSENT)
                        .json()
                        .path("code")
                        .asText())
                .isEqualTo("invalid_audio");
        assertThat(create(account, "free", short1s, "X", CONSENT)
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("audio");
        var noConsent = create(account, "free", recording, "X", "Yes, go ahead and do it please.");
        assertThat(noConsent.status()).isEqualTo(422);
        assertThat(noConsent.json().path("field").asText()).isEqualTo("consent");
        var json = tts.call(TtsFunction.post("/v1/tts/voices", account, "{\"name\":\"x\"}"));
        assertThat(json.status()).isEqualTo(415);
        assertThat(list(account).json().path("slots").path("used").asInt()).isZero();
    }

    @Test
    void theVoiceList_showsEachDeployedEngine_andItsVoices() {
        var listed = list(tts.account(0));

        assertThat(listed.status()).isEqualTo(200);
        assertThat(listed.json().path("engines").findValuesAsText("id")).containsExactly("espeak");
        assertThat(listed.json().path("engines").get(0).path("isDefault").asBoolean())
                .isTrue();
        assertThat(listed.json().path("data").size()).isGreaterThan(100);
        assertThat(listed.json().path("data").findValuesAsText("id")).contains("en-us", "en-gb", "de");
    }

    private static ProxyResponse list(String account) {
        return tts.call(ProxyEvent.request("GET", "/v1/tts/voices").caller(account, "key_test", "free"));
    }

    private static ProxyResponse synthesize(String account, String voiceId) {
        return tts.call(TtsFunction.post(
                "/v1/tts/synthesize", account, "{\"text\":\"Hello in my voice.\",\"voiceId\":\"" + voiceId + "\"}"));
    }

    private static ProxyResponse delete(String account, String id) {
        return tts.call(ProxyEvent.request("DELETE", "/v1/tts/voices/" + id)
                .resource("/v1/tts/voices/{id}", java.util.Map.of("id", id))
                .caller(account, "key_test", "free"));
    }

    private static ProxyResponse create(String account, String tier, byte[] audio, String name, String consent) {
        String boundary = "----mana" + System.nanoTime();
        var body = new ByteArrayOutputStream();
        body.writeBytes(field(boundary, "name", name));
        body.writeBytes(field(
                boundary, "transcript", "This is my voice. I read this sentence so that it can be cloned later on."));
        body.writeBytes(field(boundary, "consent", consent));
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"audio\"; filename=\"me.wav\"\r\n"
                        + "Content-Type: audio/wav\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return tts.call(ProxyEvent.request("POST", "/v1/tts/voices")
                .body(body.toByteArray(), "multipart/form-data; boundary=" + boundary)
                .caller(account, "key_test", tier));
    }

    private static byte[] field(String boundary, String name, String value) {
        return ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }
}
