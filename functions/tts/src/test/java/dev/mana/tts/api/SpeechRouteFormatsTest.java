package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.Signals;
import dev.mana.tts.testing.TtsFunction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Every response_format, decoded back by FFmpeg: the container, the length and the rate a player would see. */
@ExtendWith(AwsEmulatorExtension.class)
class SpeechRouteFormatsTest {

    static final String TEXT = "Text to speech answers in six formats, and each one plays back at the right length.";

    static TtsFunction tts;
    static double expectedSeconds;

    @BeforeAll
    static void start(EmulatedStack stack) {
        tts = new TtsFunction(stack);
        expectedSeconds = Engines.espeak().speak(TEXT, "en-us", 1.0).length / (double) SpeechEngine.SAMPLE_RATE;
    }

    @ParameterizedTest
    @CsvSource({
        "mp3,  audio/mpeg, mp3,       24000",
        "opus, audio/ogg,  opus,      48000",
        "aac,  audio/aac,  aac,       24000",
        "flac, audio/flac, flac,      24000",
        "wav,  audio/wav,  pcm_s16le, 24000"
    })
    void eachFormat_decodesBack_toTheSpokenLength_andRate(
            String format, String contentType, String codec, int sampleRate, @TempDir Path dir) throws Exception {
        String account = tts.account(10);

        var response = tts.speech(
                account, Map.of("model", "espeak", "input", TEXT, "voice", "en-us", "response_format", format));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo(contentType);
        Path file = Files.write(dir.resolve("speech." + format), response.body());
        var info = AudioCodecs.fromEnvironment().probe(file);
        assertThat(info.codec()).isEqualTo(codec);
        assertThat(info.sampleRate()).isEqualTo(sampleRate);
        assertThat(info.channels()).isEqualTo(1);
        // The length FFmpeg decodes (ffprobe only estimates a raw ADTS AAC stream's from its bitrate).
        float[] decoded = AudioCodecs.fromEnvironment().decodeMono(file, 24_000);
        assertThat(decoded.length / 24_000.0).isCloseTo(expectedSeconds, within(expectedSeconds * 0.05));
        assertThat(Signals.rms(decoded)).isGreaterThan(0.02);
    }

    @Test
    void pcm_isRaw24kHz16BitMono_asOpenAIs() {
        String account = tts.account(10);

        var response = tts.speech(account, Map.of("input", TEXT, "response_format", "pcm"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("audio/pcm");
        double seconds = response.body().length / 2.0 / 24_000;
        assertThat(seconds).isCloseTo(expectedSeconds, within(expectedSeconds * 0.05));
        float[] decoded = AudioCodecs.fromEnvironment().decodeMono(wavOf(response.body()), 24_000);
        assertThat(Signals.rms(decoded)).isGreaterThan(0.02);
    }

    @Test
    void withoutModelOrVoice_theDefaultEngineSpeaks_mp3ByDefault() {
        String account = tts.account(10);

        var response = tts.speech(account, Map.of("input", TEXT));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("audio/mpeg");
        assertThat(response.header("X-Tts-Model")).isEqualTo("espeak");
        assertThat(response.header("X-Tts-Voice")).isEqualTo("en-us");
    }

    @Test
    void openAIsVoiceNames_areAccepted() {
        String account = tts.account(10);

        var response = tts.speech(account, Map.of("model", "espeak", "input", "Hello.", "voice", "alloy"));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Tts-Voice")).isEqualTo("en-us");
    }

    /** Raw samples wrapped in a WAV header, so FFmpeg can read them back. */
    static byte[] wavOf(byte[] pcm) {
        var out = java.nio.ByteBuffer.allocate(44 + pcm.length).order(java.nio.ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(36 + pcm.length).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) 1);
        out.putInt(24_000).putInt(48_000).putShort((short) 2).putShort((short) 16);
        out.putInt(0x61746164).putInt(pcm.length).put(pcm);
        return out.array();
    }
}
