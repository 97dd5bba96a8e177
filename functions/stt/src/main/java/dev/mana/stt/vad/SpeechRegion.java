package dev.mana.stt.vad;

/** A stretch of audio, in samples at 16 kHz: {@code [start, end)}. */
public record SpeechRegion(int start, int end) {

    public int length() {
        return end - start;
    }

    public double startSeconds() {
        return start / (double) SileroVad.SAMPLE_RATE;
    }

    public double endSeconds() {
        return end / (double) SileroVad.SAMPLE_RATE;
    }
}
