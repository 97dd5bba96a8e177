package dev.mana.stt.whisper;

import dev.mana.stt.text.WhisperTokenizer;
import java.util.List;

/**
 * What Whisper does to the logits before each pick: suppress blanks at the start, suppress
 * non-speech and special tokens, and, with timestamps, its timestamp rules (timestamps come in
 * pairs, never decrease, the first is at most 1 s, and a timestamp is forced when the timestamps
 * together are likelier than any text token).
 */
final class LogitFilters {

    private static final float NEG = Float.NEGATIVE_INFINITY;
    private static final int MAX_INITIAL_TIMESTAMP_STEPS = 50; // 1.0 s at 0.02 s a step

    private final WhisperTokenizer tokenizer;
    private final int[] suppressed;
    private final int blank;

    LogitFilters(WhisperTokenizer tokenizer) {
        this.tokenizer = tokenizer;
        this.suppressed = NonSpeechTokens.of(tokenizer);
        this.blank = tokenizer.encode(" ").get(0);
    }

    /** Applies the filters in place, given the tokens sampled so far in this window. */
    void apply(float[] logits, List<Integer> sampled, boolean timestamps) {
        int eot = tokenizer.endOfText();
        if (sampled.isEmpty()) {
            logits[blank] = NEG;
            logits[eot] = NEG;
        }
        for (int id : suppressed) {
            logits[id] = NEG;
        }
        int tsBegin = tokenizer.timestampBegin();
        if (!timestamps) {
            fill(logits, tsBegin, logits.length);
            return;
        }
        logits[tokenizer.noTimestamps()] = NEG;
        int n = sampled.size();
        boolean lastWasTimestamp = n >= 1 && sampled.get(n - 1) >= tsBegin;
        boolean penultimateWasTimestamp = n < 2 || sampled.get(n - 2) >= tsBegin;
        if (lastWasTimestamp) {
            if (penultimateWasTimestamp) {
                fill(logits, tsBegin, logits.length);
            } else {
                fill(logits, 0, eot);
            }
        }
        int lastTimestamp = -1;
        for (int i = n - 1; i >= 0 && lastTimestamp < 0; i--) {
            if (sampled.get(i) >= tsBegin) {
                lastTimestamp = sampled.get(i);
            }
        }
        if (lastTimestamp >= 0) {
            int from = lastWasTimestamp && !penultimateWasTimestamp ? lastTimestamp : lastTimestamp + 1;
            fill(logits, tsBegin, from);
        }
        if (n == 0) {
            fill(logits, 0, tsBegin);
            fill(logits, tsBegin + MAX_INITIAL_TIMESTAMP_STEPS + 1, logits.length);
        }
        double[] logprobs = Sampling.logSoftmax(logits);
        double timestampMass = Sampling.logSumExp(logprobs, tsBegin, logprobs.length);
        double bestText = Double.NEGATIVE_INFINITY;
        for (int i = 0; i < tsBegin; i++) {
            bestText = Math.max(bestText, logprobs[i]);
        }
        if (timestampMass > bestText) {
            fill(logits, 0, tsBegin);
        }
    }

    private static void fill(float[] logits, int from, int to) {
        for (int i = Math.max(0, from); i < Math.min(to, logits.length); i++) {
            logits[i] = NEG;
        }
    }
}
