package dev.mana.stt.whisper;

import dev.mana.stt.Segment;
import dev.mana.stt.text.WhisperTokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns a window's tokens into segments as whisper/transcribe.py does: a pair of consecutive
 * timestamp tokens closes one segment and opens the next; without timestamps (or without a
 * closing pair) the window's text is one segment spanning the speech it was cut from.
 */
public final class WindowSegments {

    private WindowSegments() {}

    /**
     * @param offset seconds from the start of the audio to the start of the window
     * @param duration seconds of audio in the window
     */
    public static List<Segment> of(WindowResult window, WhisperTokenizer tokenizer, double offset, double duration) {
        List<Segment> segments = new ArrayList<>();
        if (window.silent()) {
            return segments;
        }
        List<Integer> tokens = window.tokens();
        int n = tokens.size();
        List<Integer> slices = new ArrayList<>();
        for (int i = 1; i < n; i++) {
            if (tokenizer.isTimestamp(tokens.get(i - 1)) && tokenizer.isTimestamp(tokens.get(i))) {
                slices.add(i);
            }
        }
        if (!slices.isEmpty()) {
            boolean singleTimestampEnding =
                    n >= 2 && !tokenizer.isTimestamp(tokens.get(n - 2)) && tokenizer.isTimestamp(tokens.get(n - 1));
            if (singleTimestampEnding) {
                slices.add(n);
            }
            int last = 0;
            for (int slice : slices) {
                List<Integer> part = tokens.subList(last, slice);
                add(
                        segments,
                        window,
                        tokenizer,
                        part,
                        offset + tokenizer.timestampSeconds(part.get(0)),
                        offset + Math.min(duration, tokenizer.timestampSeconds(part.get(part.size() - 1))));
                last = slice;
            }
            // Text after the last closed pair (a window cut mid-sentence) ends with the window.
            if (last < n && !singleTimestampEnding) {
                List<Integer> rest = tokens.subList(last, n);
                int first = rest.get(0);
                add(
                        segments,
                        window,
                        tokenizer,
                        rest,
                        offset + (tokenizer.isTimestamp(first) ? tokenizer.timestampSeconds(first) : 0),
                        offset + duration);
            }
        } else {
            double end = duration;
            for (int i = n - 1; i >= 0; i--) {
                int id = tokens.get(i);
                if (tokenizer.isTimestamp(id) && id != tokenizer.timestampBegin()) {
                    end = Math.min(duration, tokenizer.timestampSeconds(id));
                    break;
                }
            }
            add(segments, window, tokenizer, tokens, offset, offset + end);
        }
        return segments;
    }

    private static void add(
            List<Segment> out,
            WindowResult w,
            WhisperTokenizer tokenizer,
            List<Integer> tokens,
            double start,
            double end) {
        String text = tokenizer.decode(tokens);
        if (text.isBlank()) {
            return;
        }
        out.add(new Segment(
                out.size(),
                round(start),
                round(Math.max(start, end)),
                text,
                List.copyOf(tokens),
                w.temperature(),
                w.avgLogprob(),
                w.compressionRatio(),
                w.noSpeechProb()));
    }

    private static double round(double seconds) {
        return Math.round(seconds * 1000) / 1000.0;
    }
}
