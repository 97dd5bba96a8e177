package dev.mana.stt.vad;

import java.util.ArrayList;
import java.util.List;

/**
 * Groups speech regions into windows of at most 30 s (or a model's shorter window) that Whisper decodes independently: a
 * window takes following regions while it still fits, so cuts fall in the silences between
 * them; a single region longer than a window is cut at its quietest frame (lowest speech
 * probability) in the last third before the limit.
 */
public final class AudioWindows {

    public static final int MAX_SAMPLES = 30 * SileroVad.SAMPLE_RATE;

    private AudioWindows() {}

    public static List<SpeechRegion> of(List<SpeechRegion> regions, float[] probabilities) {
        return of(regions, probabilities, MAX_SAMPLES);
    }

    /** With windows of at most {@code maxSamples} (a model that hears less than 30 s). */
    public static List<SpeechRegion> of(List<SpeechRegion> regions, float[] probabilities, int maxSamples) {
        List<SpeechRegion> pieces = new ArrayList<>();
        for (SpeechRegion r : regions) {
            split(r, probabilities, pieces, maxSamples);
        }
        List<SpeechRegion> windows = new ArrayList<>();
        SpeechRegion current = null;
        for (SpeechRegion piece : pieces) {
            if (current != null && piece.end() - current.start() <= maxSamples) {
                current = new SpeechRegion(current.start(), piece.end());
            } else {
                if (current != null) {
                    windows.add(current);
                }
                current = piece;
            }
        }
        if (current != null) {
            windows.add(current);
        }
        return windows;
    }

    private static void split(SpeechRegion region, float[] probabilities, List<SpeechRegion> out, int maxSamples) {
        int start = region.start();
        while (region.end() - start > maxSamples) {
            int limit = start + maxSamples;
            int from = (start + maxSamples * 2 / 3) / SileroVad.FRAME;
            int to = Math.min(limit / SileroVad.FRAME, probabilities.length);
            int cut = limit;
            float lowest = Float.MAX_VALUE;
            for (int f = from; f < to; f++) {
                if (probabilities[f] < lowest) {
                    lowest = probabilities[f];
                    cut = f * SileroVad.FRAME;
                }
            }
            cut = Math.max(start + 1, Math.min(cut, limit));
            out.add(new SpeechRegion(start, cut));
            start = cut;
        }
        out.add(new SpeechRegion(start, region.end()));
    }
}
