package dev.mana.extract.content;

import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The article's title from {@code <title>}, minus the site name that pages append or prepend. */
final class TitleFinder {

    private static final String SEPARATORS = "\\|\\-–—\\\\/>»";
    private static final Pattern HAS_SEPARATOR = Pattern.compile(" [" + SEPARATORS + "] ");
    private static final Pattern HIERARCHICAL = Pattern.compile(" [\\\\/>»] ");
    private static final Pattern LAST_PART = Pattern.compile("(.*)[" + SEPARATORS + "] .*");
    private static final Pattern FIRST_PART = Pattern.compile("[^" + SEPARATORS + "]*[" + SEPARATORS + "](.*)");
    private static final Pattern SEPARATOR_RUNS = Pattern.compile("[" + SEPARATORS + "]+");

    private TitleFinder() {}

    static String find(Document doc) {
        Element titleElement = doc.selectFirst("title");
        String original = titleElement == null ? "" : DomText.trim(titleElement.text());
        String current = original;
        boolean hierarchical = false;
        if (HAS_SEPARATOR.matcher(current).find()) {
            hierarchical = HIERARCHICAL.matcher(current).find();
            current = LAST_PART.matcher(original).replaceAll("$1");
            if (wordCount(current) < 3) {
                current = FIRST_PART.matcher(original).replaceAll("$1");
            }
        } else if (current.contains(": ")) {
            boolean headingMatches = doc.select("h1, h2").stream()
                    .anyMatch(h -> DomText.trim(h.wholeText()).equals(original.trim()));
            if (!headingMatches) {
                current = original.substring(original.lastIndexOf(':') + 1);
                if (wordCount(current) < 3) {
                    current = original.substring(original.indexOf(':') + 1);
                } else if (wordCount(original.substring(0, original.indexOf(':'))) > 5) {
                    current = original;
                }
            }
        } else if (current.length() > 150 || current.length() < 15) {
            var h1s = doc.getElementsByTag("h1");
            if (h1s.size() == 1) {
                current = DomText.innerText(h1s.get(0));
            }
        }
        current = DomText.normalize(current);
        int words = wordCount(current);
        if (words <= 4
                && (!hierarchical
                        || words != wordCount(SEPARATOR_RUNS.matcher(original).replaceAll("")) - 1)) {
            current = original;
        }
        return current;
    }

    private static int wordCount(String s) {
        return s.split("\\s+").length;
    }
}
