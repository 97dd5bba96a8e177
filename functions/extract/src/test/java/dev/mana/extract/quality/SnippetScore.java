package dev.mana.extract.quality;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The scoring rules of the trafilatura development set's score.py, in Java: snippets that must
 * ("with") and must not ("without") appear in the output, matched as substrings after one
 * normalisation of both sides. Kept to the letter of score.py so the test's figures equal the
 * harness's (bench/run-quality prints the script's own figures for the same outputs).
 */
record SnippetScore(int truePositives, int falseNegatives, int trueNegatives, int falsePositives) {

    private static final String TARGET = "\\((?:[^()\\n]|\\([^()\\n]*\\))*\\)";
    private static final String TEXT = "((?:[^\\[\\]\\n]|\\[[^\\[\\]\\n]*\\])*)";
    private static final Pattern IMAGE = Pattern.compile("!\\[" + TEXT + "\\]" + TARGET);
    private static final Pattern LINK = Pattern.compile("(?<!\\\\)\\[" + TEXT + "\\]" + TARGET);
    private static final Pattern HEADING = Pattern.compile("^[ \\t]{0,3}#{1,6}(?=[ \\t]|$)", Pattern.MULTILINE);
    private static final Pattern ESCAPE = Pattern.compile("\\\\([!-/:-@\\[-`{-~])");
    private static final Pattern DROP = Pattern.compile("[*_\\u00ad\\u200b\\u200c\\u200d\\u2060\\ufeff]");
    // Python's \s on str: Unicode white space and the four ASCII separators \x1c-\x1f.
    private static final Pattern SPACE = Pattern.compile("[\\s\\x1c-\\x1f]+", Pattern.UNICODE_CHARACTER_CLASS);

    static final SnippetScore ZERO = new SnippetScore(0, 0, 0, 0);

    /** One page: the snippets found and missed in the page's output. */
    static SnippetScore of(String output, List<String> with, List<String> without) {
        String text = normalise(output);
        int found = (int) with.stream().filter(s -> text.contains(normalise(s))).count();
        int leaked =
                (int) without.stream().filter(s -> text.contains(normalise(s))).count();
        return new SnippetScore(found, with.size() - found, without.size() - leaked, leaked);
    }

    /** score.py's normalise: Markdown links and images to their text, headings, escapes, *, _ gone. */
    static String normalise(String text) {
        String s = IMAGE.matcher(text).replaceAll("$1");
        s = LINK.matcher(s).replaceAll("$1");
        s = HEADING.matcher(s).replaceAll("");
        s = ESCAPE.matcher(s).replaceAll("$1");
        s = DROP.matcher(s).replaceAll("");
        s = Normalizer.normalize(s, Normalizer.Form.NFC);
        // Python's casefold: upper then lower also folds ß to ss and final sigma to sigma.
        s = s.toUpperCase(Locale.ROOT).toLowerCase(Locale.ROOT);
        return SPACE.matcher(s).replaceAll(" ").strip();
    }

    SnippetScore plus(SnippetScore other) {
        return new SnippetScore(
                truePositives + other.truePositives,
                falseNegatives + other.falseNegatives,
                trueNegatives + other.trueNegatives,
                falsePositives + other.falsePositives);
    }

    double precision() {
        return ratio(truePositives, truePositives + falsePositives);
    }

    double recall() {
        return ratio(truePositives, truePositives + falseNegatives);
    }

    double f1() {
        double p = precision();
        double r = recall();
        return p + r == 0 ? 0 : 2 * p * r / (p + r);
    }

    private static double ratio(int num, int den) {
        return den == 0 ? 0 : (double) num / den;
    }
}
