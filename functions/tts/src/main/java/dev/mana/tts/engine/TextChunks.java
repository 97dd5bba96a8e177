package dev.mana.tts.engine;

import java.text.BreakIterator;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Text cut into chunks of whole sentences (the JDK's sentence rules), each at most {@code
 * maxChars} long; a single sentence longer than that is cut at its last comma, semicolon or
 * space before the limit. Chunks are spoken one after the other, so the first audio is ready
 * after the first chunk.
 */
public final class TextChunks {

    private TextChunks() {}

    public static List<String> split(String text, int maxChars) {
        var chunks = new ArrayList<String>();
        var current = new StringBuilder();
        for (String sentence : sentences(text)) {
            for (String piece : cut(sentence, maxChars)) {
                if (current.length() > 0 && current.length() + 1 + piece.length() > maxChars) {
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

    public static List<String> sentences(String text) {
        var sentences = new ArrayList<String>();
        BreakIterator iterator = BreakIterator.getSentenceInstance(Locale.ROOT);
        iterator.setText(text);
        int start = iterator.first();
        for (int end = iterator.next(); end != BreakIterator.DONE; start = end, end = iterator.next()) {
            String sentence = text.substring(start, end).strip();
            if (!sentence.isEmpty()) sentences.add(sentence);
        }
        return sentences;
    }

    private static List<String> cut(String sentence, int maxChars) {
        var pieces = new ArrayList<String>();
        String rest = sentence;
        while (rest.length() > maxChars) {
            int at = lastBreak(rest, maxChars);
            pieces.add(rest.substring(0, at).strip());
            rest = rest.substring(at).strip();
        }
        if (!rest.isEmpty()) pieces.add(rest);
        return pieces;
    }

    private static int lastBreak(String text, int limit) {
        for (String marks : new String[] {",;:", " "}) {
            for (int i = limit; i > limit / 2; i--) {
                if (marks.indexOf(text.charAt(i - 1)) >= 0) return i;
            }
        }
        return limit;
    }
}
