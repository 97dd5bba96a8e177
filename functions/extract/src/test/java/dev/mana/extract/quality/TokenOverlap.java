package dev.mana.extract.quality;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Token-level precision, recall and F1 of extracted text against expected text (bags of words). */
record TokenOverlap(double precision, double recall, double f1) {

    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+");

    static TokenOverlap of(String extracted, String expected) {
        Map<String, Integer> got = bag(extracted);
        Map<String, Integer> want = bag(expected);
        long gotTotal = total(got);
        long wantTotal = total(want);
        long common = 0;
        for (Map.Entry<String, Integer> e : got.entrySet()) {
            common += Math.min(e.getValue(), want.getOrDefault(e.getKey(), 0));
        }
        if (gotTotal == 0 && wantTotal == 0) {
            return new TokenOverlap(1, 1, 1);
        }
        double p = gotTotal == 0 ? 0 : (double) common / gotTotal;
        double r = wantTotal == 0 ? 0 : (double) common / wantTotal;
        double f1 = p + r == 0 ? 0 : 2 * p * r / (p + r);
        return new TokenOverlap(p, r, f1);
    }

    static Map<String, Integer> bag(String text) {
        Map<String, Integer> bag = new HashMap<>();
        Matcher m = WORD.matcher(text == null ? "" : text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            bag.merge(m.group(), 1, Integer::sum);
        }
        return bag;
    }

    private static long total(Map<String, Integer> bag) {
        return bag.values().stream().mapToLong(Integer::longValue).sum();
    }
}
