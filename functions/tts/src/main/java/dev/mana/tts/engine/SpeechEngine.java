package dev.mana.tts.engine;

import java.util.List;
import java.util.function.Consumer;

/**
 * A text-to-speech engine: text in, 24 kHz mono float samples out, one chunk per sentence group
 * so a caller can start encoding (and the benchmark can time the first audio) before the whole
 * text is spoken. Validation of text, voice and speed is the caller's; an engine trusts them.
 */
public interface SpeechEngine {

    /** Every engine speaks at this rate: Kokoro's own, OpenAI's pcm, espeak-ng's resampled. */
    int SAMPLE_RATE = 24_000;

    /** The id clients name in {@code model}: "espeak", "kokoro". */
    String id();

    /** The voice used when a request names none. */
    String defaultVoice();

    List<VoiceInfo> voices();

    /** Whether {@code voice} is one this engine can speak with (a mix for Kokoro, say). */
    boolean speaks(String voice);

    /** Speaks {@code text}, handing each chunk of samples to {@code chunks} in order. */
    void speak(String text, String voice, double speed, Consumer<float[]> chunks);

    /** The whole text as one array of samples. */
    default float[] speak(String text, String voice, double speed) {
        var all = new SampleBuffer();
        speak(text, voice, speed, all::append);
        return all.toArray();
    }
}
