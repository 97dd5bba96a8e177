package dev.mana.extract.content;

import java.util.regex.Pattern;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Text measures of the DOM that the scoring relies on, as Readability defines them. */
final class DomText {

    // JavaScript's \s also covers no-break and other Unicode spaces; Java's does not.
    static final String SPACE_CLASS = "[\\s\\u00A0\\u1680\\u2000-\\u200A\\u2028\\u2029\\u202F\\u205F\\u3000\\uFEFF]";
    private static final Pattern MULTI_SPACE = Pattern.compile(SPACE_CLASS + "{2,}");
    private static final Pattern HASH_URL = Pattern.compile("^#.+");

    private DomText() {}

    /** All text below the element, as DOM textContent. */
    static String textContent(Node node) {
        if (node instanceof TextNode text) {
            return text.getWholeText();
        }
        StringBuilder out = new StringBuilder();
        append(node, out);
        return out.toString();
    }

    private static void append(Node node, StringBuilder out) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element) {
                append(child, out);
            }
        }
    }

    /**
     * The element's innerText when it is at most {@code max} characters, else null, found without
     * building the text of a large subtree: the walk stops once the raw text is far past max.
     */
    static String shortInnerText(Element element, int max) {
        StringBuilder out = new StringBuilder();
        if (!appendUpTo(element, out, 4 * max + 64)) {
            return null;
        }
        String text = normalize(out.toString());
        return text.length() <= max ? text : null;
    }

    private static boolean appendUpTo(Node node, StringBuilder out, int limit) {
        for (Node child : node.childNodes()) {
            if (child instanceof TextNode text) {
                out.append(text.getWholeText());
            } else if (child instanceof Element && !appendUpTo(child, out, limit)) {
                return false;
            }
            if (out.length() > limit) {
                return false;
            }
        }
        return true;
    }

    /** Trimmed textContent with runs of spaces collapsed (Readability's getInnerText). */
    static String innerText(Element element) {
        return normalize(textContent(element));
    }

    static String normalize(String text) {
        return MULTI_SPACE.matcher(trim(text)).replaceAll(" ");
    }

    static String trim(String text) {
        int start = 0;
        int end = text.length();
        while (start < end && isSpace(text.charAt(start))) {
            start++;
        }
        while (end > start && isSpace(text.charAt(end - 1))) {
            end--;
        }
        return text.substring(start, end);
    }

    static boolean isSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\uFEFF';
    }

    static boolean isBlank(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (!isSpace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** Share of the text that sits inside links; in-page (#) links count for less. */
    static double linkDensity(Element element) {
        int textLength = innerText(element).length();
        if (textLength == 0) {
            return 0;
        }
        double linkLength = 0;
        for (Element a : element.getElementsByTag("a")) {
            String href = a.attr("href");
            double coefficient = !href.isEmpty() && HASH_URL.matcher(href).matches() ? 0.3 : 1;
            linkLength += innerText(a).length() * coefficient;
        }
        return linkLength / textLength;
    }

    /** Share of the text inside descendants with one of the given tags. */
    static double textDensity(Element element, java.util.Set<String> tags) {
        int textLength = innerText(element).length();
        if (textLength == 0) {
            return 0;
        }
        int childrenLength = 0;
        for (Element child : element.getAllElements()) {
            if (child != element && tags.contains(child.normalName())) {
                childrenLength += innerText(child).length();
            }
        }
        return (double) childrenLength / textLength;
    }
}
