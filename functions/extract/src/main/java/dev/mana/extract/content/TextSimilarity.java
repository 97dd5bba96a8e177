package dev.mana.extract.content;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** How much of text b's words also occur in text a (1 = all of them), as Readability measures it. */
final class TextSimilarity {

    private TextSimilarity() {}

    static double of(String a, String b) {
        if (a == null || b == null) {
            return 0;
        }
        Set<String> tokensA = new HashSet<>(tokens(a));
        List<String> tokensB = tokens(b);
        if (tokensA.isEmpty() || tokensB.isEmpty()) {
            return 0;
        }
        String uniqueB = String.join(
                " ", tokensB.stream().filter(t -> !tokensA.contains(t)).toList());
        return 1 - (double) uniqueB.length() / String.join(" ", tokensB).length();
    }

    private static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("\\W+"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
