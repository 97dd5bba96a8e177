package dev.mana.tts.espeak;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.Signals;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The real espeak-ng binary through the engine. */
class EspeakEngineTest {

    static final String PASSAGE = "The quick brown fox jumps over the lazy dog near the quiet river bank today. "
            + "It was a bright cold day in April, and the clocks were striking thirteen.";

    static EspeakEngine engine;

    @BeforeAll
    static void start() {
        engine = Engines.espeak();
    }

    @Test
    void speaks_audibleSpeech_at24kHz_ofAPlausibleLength() {
        float[] samples = engine.speak(PASSAGE, "en-us", 1.0);

        // 29 words at espeak-ng's 175 words a minute: about 8.7 s.
        assertThat(Signals.seconds(samples, SpeechEngine.SAMPLE_RATE)).isBetween(7.0, 10.5);
        assertThat(Signals.rms(samples)).isGreaterThan(0.02);
    }

    @Test
    void speed_scalesTheLength_overOpenAIsWholeRange() {
        double normal = length(1.0);

        assertThat(length(2.0) / normal).isCloseTo(0.5, within(0.08));
        assertThat(length(0.5) / normal).isCloseTo(2.0, within(0.25));
        // Below espeak-ng's slowest rate the pace comes from pauses between words.
        assertThat(length(0.25) / normal).isCloseTo(4.0, within(0.5));
        assertThat(length(4.0) / normal).isCloseTo(0.25, within(0.08));
    }

    @Test
    void longText_comesInSeveralChunks_inOrder() {
        var chunks = new ArrayList<float[]>();
        String text = (PASSAGE + " ").repeat(4);

        engine.speak(text, "en-us", 1.0, chunks::add);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> assertThat(Signals.rms(chunk)).isGreaterThan(0.01));
    }

    @Test
    void textThatLooksLikeOptionsOrShell_isOnlySpoken(@org.junit.jupiter.api.io.TempDir Path dir) {
        Path marker = dir.resolve("pwned");
        String hostile = "--voices -w /tmp/x $(touch " + marker + ") `touch " + marker + "`; -v de";

        float[] samples = engine.speak(hostile, "en-us", 1.0);

        assertThat(Signals.rms(samples)).isGreaterThan(0.02);
        assertThat(Signals.seconds(samples, SpeechEngine.SAMPLE_RATE)).isGreaterThan(2.0);
        assertThat(Files.exists(marker)).isFalse();
    }

    @Test
    void writtenForms_areSpokenAsWords() {
        assertThat(engine.speak("It costs $5.50, or 12.5% off.", "en-us", 1.0))
                .containsExactly(engine.speak(
                        "It costs five dollars and fifty cents, or twelve point five percent off.", "en-us", 1.0));
    }

    @Test
    void voices_areEspeakNgsOwnList() {
        assertThat(engine.voices()).hasSizeGreaterThan(100);
        assertThat(engine.voices()).anySatisfy(voice -> {
            assertThat(voice.id()).isEqualTo("en-us");
            assertThat(voice.name()).isEqualTo("English (America)");
            assertThat(voice.engine()).isEqualTo("espeak");
        });
        assertThat(engine.speaks("en-gb")).isTrue();
        assertThat(engine.speaks("xx-nowhere")).isFalse();
        assertThat(engine.speak("Guten Morgen.", "de", 1.0)).isNotEmpty();
    }

    private static double length(double speed) {
        return Signals.seconds(engine.speak(PASSAGE, "en-us", speed), SpeechEngine.SAMPLE_RATE);
    }
}
