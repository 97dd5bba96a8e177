package dev.mana.stt.vad;

import java.util.ArrayList;
import java.util.List;

/**
 * Speech regions from frame probabilities, following silero-vad's {@code get_speech_timestamps}:
 * speech starts where the probability reaches the threshold, ends after at least
 * {@code minSilence} below {@code threshold - 0.15}; regions shorter than {@code minSpeech} are
 * dropped and every region is padded by 200 ms on both sides (without overlapping).
 */
public final class SpeechRegions {

    public static final double THRESHOLD = 0.5;
    private static final int MIN_SPEECH = 250 * 16;
    private static final int MIN_SILENCE = 100 * 16;
    // Wider than silero's 30 ms default: Whisper misreads a word whose onset was cut off.
    private static final int PAD = 200 * 16;

    private SpeechRegions() {}

    public static List<SpeechRegion> of(float[] probabilities, int totalSamples) {
        double negThreshold = THRESHOLD - 0.15;
        List<SpeechRegion> regions = new ArrayList<>();
        boolean speaking = false;
        int start = 0;
        int silenceSince = -1;
        for (int f = 0; f < probabilities.length; f++) {
            int at = f * SileroVad.FRAME;
            float p = probabilities[f];
            if (p >= THRESHOLD) {
                silenceSince = -1;
                if (!speaking) {
                    speaking = true;
                    start = at;
                }
            } else if (speaking && p < negThreshold) {
                if (silenceSince < 0) {
                    silenceSince = at;
                }
                if (at + SileroVad.FRAME - silenceSince >= MIN_SILENCE) {
                    add(regions, start, silenceSince);
                    speaking = false;
                    silenceSince = -1;
                }
            }
        }
        if (speaking) {
            add(regions, start, totalSamples);
        }
        return pad(regions, totalSamples);
    }

    private static void add(List<SpeechRegion> regions, int start, int end) {
        if (end - start >= MIN_SPEECH) {
            regions.add(new SpeechRegion(start, end));
        }
    }

    private static List<SpeechRegion> pad(List<SpeechRegion> regions, int total) {
        List<SpeechRegion> padded = new ArrayList<>();
        for (int i = 0; i < regions.size(); i++) {
            SpeechRegion r = regions.get(i);
            int before = i == 0
                    ? Math.max(0, r.start() - PAD)
                    : Math.max(padded.get(i - 1).end(), r.start() - PAD);
            int after = Math.min(total, r.end() + PAD);
            if (i + 1 < regions.size()) {
                int gapMiddle = (r.end() + regions.get(i + 1).start()) / 2;
                after = Math.min(after, Math.max(r.end(), gapMiddle));
            }
            padded.add(new SpeechRegion(before, after));
        }
        return padded;
    }
}
