package dev.mana.tts.kokoro;

import java.util.ArrayList;
import java.util.List;

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
        var current = new StringBuilder();
        for (String sentence : sentences) {
            for (String piece : cut(sentence, maxTokens)) {
                int size = length(current.toString()) + (current.length() > 0 ? 1 : 0) + length(piece);
                if (current.length() > 0 && size > maxTokens) {
                    chunks.add(current.toString());
                    current.setLength(0);
                }
                if (current.length() > 0) current.append(' ');
                current.append(piece);
            }
        }
        if (current.length() > 0) chunks.add(current.toString());
        return chunks;
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
