package dev.mana.stt;

import java.util.List;

/** A stretch of the transcript with its times in seconds from the start of the audio. */
public record Segment(
        int id,
        double start,
        double end,
        String text,
        List<Integer> tokens,
        double temperature,
        double avgLogprob,
        double compressionRatio,
        double noSpeechProb) {

    public Segment withId(int value) {
        return new Segment(value, start, end, text, tokens, temperature, avgLogprob, compressionRatio, noSpeechProb);
    }
}
