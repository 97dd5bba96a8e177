package dev.mana.tts.kokoro;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Sentences' phonemes packed into chunks the model takes whole: at most {@value
 * KokoroModel#MAX_TOKENS} symbols each (every symbol left after phonemizing is one token).
 * Sentences are packed together while they fit; a sentence too long on its own is cut after its
 * last punctuation mark within the limit, else its last space, as kokoro-onnx cuts.
 */
public final class PhonemeChunks {

    private static final String BREAKS = ";:,.!?—…";

    private PhonemeChunks() {}

    public static List<String> pack(List<String> sentences, int maxTokens) {
        var chunks = new ArrayList<String>();
        var packer = new Packer(maxTokens, chunks::add);
        sentences.forEach(packer::add);
        packer.finish();
        return chunks;
    }

    /**
     * The same packing a sentence at a time: a chunk is handed on as soon as the next piece does
     * not fit, so the first audio does not wait for the whole text to be phonemized.
     */
    public static final class Packer {
        private final int maxTokens;
        private final Consumer<String> chunks;
        private final StringBuilder current = new StringBuilder();

        public Packer(int maxTokens, Consumer<String> chunks) {
            this.maxTokens = maxTokens;
            this.chunks = chunks;
        }

        public void add(String sentence) {
            for (String piece : cut(sentence, maxTokens)) {
                int size = length(current.toString()) + (current.length() > 0 ? 1 : 0) + length(piece);
                if (current.length() > 0 && size > maxTokens) flush();
                if (current.length() > 0) current.append(' ');
                current.append(piece);
            }
        }

        public void finish() {
            if (current.length() > 0) flush();
        }

        private void flush() {
            chunks.accept(current.toString());
            current.setLength(0);
        }
    }

    static int length(String phonemes) {
        return phonemes.codePointCount(0, phonemes.length());
    }

    private static List<String> cut(String phonemes, int maxTokens) {
        var pieces = new ArrayList<String>();
        String rest = phonemes.strip();
        while (length(rest) > maxTokens) {
            int limit = rest.offsetByCodePoints(0, maxTokens);
            int at = lastIndexOfAny(rest, BREAKS, limit);
            if (at <= 0) at = rest.lastIndexOf(' ', limit - 1);
            if (at <= 0) at = limit;
            else if (BREAKS.indexOf(rest.charAt(at)) >= 0) at++;
            pieces.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private static int lastIndexOfAny(String text, String chars, int before) {
        for (int i = before - 1; i > 0; i--) if (chars.indexOf(text.charAt(i)) >= 0) return i;
        return -1;
    }
}
