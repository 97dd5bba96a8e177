package dev.mana.extract.content;

import java.util.regex.Pattern;

/** Keeps page text from being read as Markdown syntax. */
final class MarkdownEscaper {

    private static final Pattern LINE_START = Pattern.compile("^(#{1,6}(\\s|$)|>|[-+](\\s|$)|={3,}\\s*$|-{3,}\\s*$)");
    private static final Pattern ORDERED_START = Pattern.compile("^(\\d{1,9})([.)])(\\s|$)");

    private MarkdownEscaper() {}

    static String inline(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\', '`', '*', '_', '[', ']', '<' -> out.append('\\').append(c);
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Escapes a line that would otherwise start a heading, quote, list or rule. */
    static String lineStart(String line) {
        if (LINE_START.matcher(line).find()) {
            return "\\" + line;
        }
        var ordered = ORDERED_START.matcher(line);
        if (ordered.find()) {
            return ordered.group(1) + "\\" + line.substring(ordered.group(1).length());
        }
        return line;
    }
}
