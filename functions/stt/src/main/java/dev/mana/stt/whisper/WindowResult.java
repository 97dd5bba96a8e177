package dev.mana.stt.whisper;

import java.util.List;

/**
 * One decoded window.
 *
 * @param tokens the sampled text and timestamp tokens, without the prompt and end of text
 * @param silent true when Whisper's no-speech rule dropped the text
 */
public record WindowResult(
        List<Integer> tokens,
        String text,
        String language,
        double avgLogprob,
        double compressionRatio,
        double noSpeechProb,
        double temperature,
        boolean silent) {}
