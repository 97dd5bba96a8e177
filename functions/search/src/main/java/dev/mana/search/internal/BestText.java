package dev.mana.search.internal;

import java.util.List;

/**
 * Picks the most informative of several engines' titles or snippets for one page: the longest
 * that is not blank, not the bare URL and within {@code max} characters (longer ones are often
 * boilerplate dumps). If every candidate is too long, the first is cut at a word.
 */
final class BestText {

    private BestText() {}

    static String pick(List<String> candidates, String url, int max) {
        String best = null;
        String firstTooLong = null;
        for (String raw : candidates) {
            if (raw == null) {
                continue;
            }
            String text = raw.replaceAll("\\s+", " ").strip();
            if (text.isEmpty() || text.equals(url)) {
                continue;
            }
            if (text.length() > max) {
                firstTooLong = firstTooLong == null ? text : firstTooLong;
            } else if (best == null || text.length() > best.length()) {
                best = text;
            }
        }
        if (best != null || firstTooLong == null) {
            return best;
        }
        int cut = firstTooLong.lastIndexOf(' ', max - 1);
        return firstTooLong.substring(0, cut > max / 2 ? cut : max - 1) + "…";
    }
}
