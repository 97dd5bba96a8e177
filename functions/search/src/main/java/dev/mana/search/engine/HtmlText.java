package dev.mana.search.engine;

import org.jsoup.Jsoup;

/** Turns an engine's HTML fragment (highlight spans, entities) into plain, single-spaced text. */
final class HtmlText {

    private HtmlText() {}

    static String plain(String html) {
        if (html == null || html.isBlank()) {
            return null;
        }
        String text = html.indexOf('<') < 0 && html.indexOf('&') < 0
                ? html
                : Jsoup.parseBodyFragment(html).text();
        String collapsed = text.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }
}
