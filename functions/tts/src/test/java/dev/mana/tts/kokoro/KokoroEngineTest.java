package dev.mana.tts.kokoro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.KokoroFixture;
import dev.mana.tts.testing.Signals;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole Kokoro path on ONNX Runtime with the generated test model (Kokoro's inputs and outputs;
 * its audio is SAMPLES_PER_TOKEN / speed samples a token, its loudness the style row's mean
 * magnitude).
 */
class KokoroEngineTest {

    @TempDir
    static Path dir;

    static KokoroEngine engine;

    @BeforeAll
    static void load() {
        engine = KokoroEngine.load(KokoroFixture.modelDirectory(dir), Engines.espeakNg(), 1);
    }

    @AfterAll
    static void close() throws Exception {
        if (engine != null) engine.close();
    }

    @Test
    void audioLength_isProportionalToTheTokens_andInverselyToSpeed() {
        String text = "The quick brown fox jumps over the lazy dog.";
        var chunks = engine.chunks(text, "en-us");
        int tokens = PhonemeChunks.length(chunks.get(0));

        assertThat(chunks).hasSize(1);
        assertThat(engine.speak(text, "af_heart", 1.0)).hasSize((tokens + 2) * KokoroFixture.SAMPLES_PER_TOKEN);
        assertThat(engine.speak(text, "af_heart", 2.0)).hasSize((tokens + 2) * KokoroFixture.SAMPLES_PER_TOKEN / 2);
        assertThat(engine.speak(text + " " + text, "af_heart", 1.0).length)
                .isEqualTo((2 * tokens + 1 + 2) * KokoroFixture.SAMPLES_PER_TOKEN);
    }

    @Test
    void theStyleRow_isTheOneForTheChunksTokenCount() {
        String text = "Kokoro speaks with a voice chosen by the style row.";
        int tokens = PhonemeChunks.length(engine.chunks(text, "en-us").get(0));

        float[] samples = engine.speak(text, "af_nicole", 1.0);

        // af_nicole's row r holds (r + 1) / 1000 everywhere; the test model's tone has that amplitude.
        double amplitude = Signals.rms(samples) * Math.sqrt(2);
        assertThat(Math.round(amplitude * 1000) - 1).isEqualTo(tokens);
    }

    @Test
    void aMix_speaksWithTheWeightedAverageStyle() {
        float[] bella = engine.speak("Hello there.", "af_bella", 1.0);
        float[] mix = engine.speak("Hello there.", "af_bella(2)+af_sky(1)", 1.0);

        // |0.3| and |-0.6| weighted 2:1: (0.6 - 0.6) / 3 = 0, so the mix is silent; bella alone is 0.3.
        assertThat(Signals.rms(bella) * Math.sqrt(2)).isCloseTo(0.3, within(0.01));
        assertThat(Signals.rms(mix)).isLessThan(1e-4);
        float[] other = engine.speak("Hello there.", "af_bella(1)+af_sky(2)", 1.0);
        assertThat(Signals.rms(other) * Math.sqrt(2)).isCloseTo(0.3, within(0.01)); // |(0.3 - 1.2) / 3|
    }

    @Test
    void longText_isSpokenInChunksOfAtMost510Tokens_inOrder() {
        String text = "The quick brown fox jumps over the lazy dog, again and again. ".repeat(30);
        var chunks = engine.chunks(text, "en-us");
        var audio = new ArrayList<float[]>();

        engine.speak(text, "af_heart", 1.0, audio::add);

        assertThat(chunks).hasSizeGreaterThan(2);
        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(PhonemeChunks.length(chunk)).isBetween(1, 510));
        assertThat(audio).hasSameSizeAs(chunks);
        for (int i = 0; i < chunks.size(); i++) {
            assertThat(audio.get(i))
                    .hasSize((PhonemeChunks.length(chunks.get(i)) + 2) * KokoroFixture.SAMPLES_PER_TOKEN);
        }
    }

    @Test
    void numbersAndUnits_areSpokenAsWords() {
        var chunks = engine.chunks("It is 5 km.", "en-us");

        assertThat(chunks).singleElement().asString().contains("kɪlˈɑːmɪɾɚz").doesNotContain("kˌeɪˈɛm");
    }

    @Test
    void the54PresetVoices_areListed_withAfHeartTheDefault() {
        assertThat(engine.voices()).hasSize(54);
        assertThat(engine.defaultVoice()).isEqualTo("af_heart");
        assertThat(engine.voices()).anySatisfy(voice -> {
            assertThat(voice.id()).isEqualTo("bm_george");
            assertThat(voice.language()).isEqualTo("en-gb");
            assertThat(voice.engine()).isEqualTo("kokoro");
        });
        assertThat(engine.speaks("af_bella(2)+af_sky(1)")).isTrue();
        assertThat(engine.speaks("af_nobody")).isFalse();
        assertThat(engine.speaks("af_bella+af_nobody")).isFalse();
    }
}
