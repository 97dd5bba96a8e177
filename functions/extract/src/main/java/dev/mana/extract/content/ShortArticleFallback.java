package dev.mana.extract.content;

import java.util.Set;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * When the scored main content is short, the scoring most likely picked a side box (a cookie
 * notice, a teaser) over an article its class names hid. Then the page's own article markup, or
 * failing that its paragraphs of prose, are taken instead, when they hold clearly more text.
 */
final class ShortArticleFallback {

    /** Main content shorter than this (characters of text) is checked against the page. */
    static final int SHORT_ARTICLE = 500;

    private static final Set<String> OUTSIDE_ARTICLE = Set.of("nav", "footer", "aside", "header", "form", "menu");

    private ShortArticleFallback() {}

    /** The better of the grabbed content and the page's own article; {@code page} is left as it was. */
    static Element choose(Element grabbed, Document page) {
        int grabbedLength = DomText.innerText(grabbed).length();
        if (grabbedLength >= SHORT_ARTICLE) {
            return grabbed;
        }
        // Several <article> elements make a listing (teasers): neither they nor its prose are the article.
        if (page.getElementsByTag("article").size() > 1) {
            return grabbed;
        }
        Element best = null;
        int bestLength = 0;
        for (Element marked : page.select("[itemprop=articleBody], article, main, [role=main]")) {
            int length = DomText.innerText(marked).length();
            if (length > bestLength) {
                best = marked;
                bestLength = length;
            }
        }
        if (best == null || bestLength < 2 * grabbedLength + 200) {
            best = prose(page);
            bestLength = DomText.innerText(best).length();
        }
        return bestLength >= 2 * grabbedLength + 200 ? best.clone() : grabbed;
    }

    /** The page's paragraphs of prose, outside navigation, headers and footers, in order. */
    private static Element prose(Document page) {
        Element out = new Element("div");
        for (Element p : page.getElementsByTag("p")) {
            String text = DomText.innerText(p);
            if (text.length() >= 80
                    && DomText.linkDensity(p) < 0.3
                    && !BoilerplateText.READ_MORE.matcher(text).find()
                    && !insideFurniture(p)) {
                out.appendChild(p.clone());
            }
        }
        return out;
    }

    /** Inside navigation, a header or footer, or a block whose class says cookie notice, sidebar, comments. */
    private static boolean insideFurniture(Element e) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            String hints = DomShape.matchString(parent);
            if (OUTSIDE_ARTICLE.contains(parent.normalName())
                    || Patterns.UNLIKELY_ROLES.contains(parent.attr("role"))
                    || (Patterns.UNLIKELY_CANDIDATES.matcher(hints).find()
                            && !Patterns.MAYBE_CANDIDATE.matcher(hints).find())) {
                return true;
            }
        }
        return false;
    }
}
