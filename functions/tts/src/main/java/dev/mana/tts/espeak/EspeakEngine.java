package dev.mana.tts.espeak;

import dev.mana.tts.engine.Resampler;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.TextChunks;
import dev.mana.tts.engine.TextNormalizer;
import dev.mana.tts.engine.VoiceInfo;
import dev.mana.tts.engine.WavPcm;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * espeak-ng as an engine: real speech with no weights, so it is the local default. The text is
 * normalized as for Kokoro (espeak-ng reads "$5.50" as "dollar five point five zero"); each chunk
 * of sentences is one espeak-ng run, its 22,050 Hz output resampled to 24,000 Hz.
 *
 * <p>Speed scales espeak-ng's 175 words per minute. espeak-ng goes no slower than 80, so below
 * speed 0.46 the rest of the slowing is a pause after each word ({@code -g}): the pace a listener
 * hears, where stretching the sound itself would need a vocoder. The constants were measured with
 * espeak-ng 1.51 on a 29-word English passage: 0.299 s a word at 175 words per minute, 0.632 s at
 * 80, and each {@code -g} unit adds 31.8 ms a word at 80.
 */
public final class EspeakEngine implements SpeechEngine {

    public static final String ID = "espeak";
    public static final String DEFAULT_VOICE = "en-us";
    /** Characters per espeak-ng run: a few sentences, so the first audio comes early. */
    static final int CHUNK_CHARS = 400;

    static final double SECONDS_PER_WORD = 0.299;
    static final double SECONDS_PER_WORD_SLOWEST = 0.632;
    static final double SECONDS_PER_GAP_UNIT = 0.0318;

    private final EspeakNg espeak;
    private final Map<String, VoiceInfo> voices;

    public EspeakEngine(EspeakNg espeak) {
        this.espeak = espeak;
        this.voices = EspeakVoices.parse(espeak.voiceListing()).stream()
                .collect(Collectors.toMap(
                        VoiceInfo::id, Function.identity(), (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String defaultVoice() {
        return DEFAULT_VOICE;
    }

    @Override
    public List<VoiceInfo> voices() {
        return List.copyOf(voices.values());
    }

    @Override
    public boolean speaks(String voice) {
        return voices.containsKey(voice);
    }

    @Override
    public void speak(String text, String voice, double speed, Consumer<float[]> chunks) {
        if (!speaks(voice)) throw new IllegalArgumentException("unknown espeak-ng voice " + voice);
        int rate = wordsPerMinute(speed);
        int gap = wordGap(speed);
        for (String chunk : TextChunks.split(TextNormalizer.normalize(text), CHUNK_CHARS)) {
            WavPcm wav = WavPcm.read(espeak.speak(chunk, voice, rate, gap));
            chunks.accept(Resampler.resample(wav.samples(), wav.sampleRate(), SAMPLE_RATE));
        }
    }

    static int wordsPerMinute(double speed) {
        return Math.max(EspeakNg.MIN_WORDS_PER_MINUTE, (int) Math.round(EspeakNg.DEFAULT_WORDS_PER_MINUTE * speed));
    }

    /** The {@code -g} pause that, at espeak-ng's slowest rate, brings the pace down to {@code speed}'s. */
    static int wordGap(double speed) {
        double wanted = SECONDS_PER_WORD / speed;
        return wanted <= SECONDS_PER_WORD_SLOWEST
                ? 0
                : (int) Math.round((wanted - SECONDS_PER_WORD_SLOWEST) / SECONDS_PER_GAP_UNIT);
    }
}
