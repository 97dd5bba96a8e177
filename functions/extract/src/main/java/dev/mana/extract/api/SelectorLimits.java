package dev.mana.extract.api;

import java.util.Locale;
import java.util.Optional;

/**
 * The caller's CSS selectors that cost more than a page's size can bound. A {@code :has} inside a
 * {@code :has} multiplies the work by the page's size once per level ({@code p:has(~
 * p:has(~ p))} is cubic: minutes of CPU on a 10 MB page), and the regular-expression
 * pseudo-classes run the caller's pattern over every element's text, where one pattern can
 * backtrack for ever. One level of {@code :has} stays allowed: the extraction's work budget
 * ({@code ExtractionWork}) bounds what it costs.
 */
final class SelectorLimits {

    private static final String[] REGEX_PSEUDOS = {
        ":matches(", ":matchesown(", ":matcheswholetext(", ":matcheswholeowntext(", ":matchtext"
    };

    private SelectorLimits() {}

    /** Why {@code selector} is refused, or empty when it is within the limits. */
    static Optional<String> violation(String selector) {
        String css = selector.toLowerCase(Locale.ROOT);
        for (String pseudo : REGEX_PSEUDOS) {
            if (css.contains(pseudo)) {
                return Optional.of("Regular-expression selectors (" + pseudo.replace("(", "")
                        + ") are not accepted: a pattern can run for ever; use :contains instead.");
            }
        }
        if (hasDepth(css) > 1) {
            return Optional.of("A :has may not hold another :has: each level multiplies the work by the"
                    + " page's size. Use one level of :has.");
        }
        return Optional.empty();
    }

    /** The deepest nesting of {@code :has(} in the selector, quoted text skipped. */
    private static int hasDepth(String css) {
        // One entry per open parenthesis: whether it opened a :has.
        var opened = new java.util.ArrayDeque<Boolean>();
        int depth = 0;
        int deepest = 0;
        char quote = 0;
        for (int i = 0; i < css.length(); i++) {
            char c = css.charAt(i);
            if (quote != 0) {
                if (c == '\\') i++;
                else if (c == quote) quote = 0;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (c == '(') {
                boolean has = css.startsWith(":has", i - 4) && i >= 4;
                opened.push(has);
                if (has) deepest = Math.max(deepest, ++depth);
            } else if (c == ')' && !opened.isEmpty()) {
                if (opened.pop()) depth--;
            }
        }
        return deepest;
    }
}
