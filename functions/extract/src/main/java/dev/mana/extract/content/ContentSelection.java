package dev.mana.extract.content;

import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Selector;

/** Applies the caller's CSS selectors; a selector that does not parse is the caller's error. */
final class ContentSelection {

    private ContentSelection() {}

    static void exclude(Document doc, List<String> selectors) {
        for (String selector : selectors) {
            select(doc, selector).remove();
        }
    }

    /** A detached div holding the outermost elements that match any of the selectors, in page order. */
    static Element include(Document doc, List<String> selectors) {
        Element content = new Element("div");
        Elements matched = new Elements();
        for (String selector : selectors) {
            matched.addAll(select(doc, selector));
        }
        for (Element e : doc.body().getAllElements()) {
            if (containsIdentity(matched, e) && !hasMatchedAncestor(e, matched)) {
                content.appendChild(e.clone());
            }
        }
        return content;
    }

    private static boolean hasMatchedAncestor(Element e, Elements matched) {
        for (Element parent = e.parent(); parent != null; parent = parent.parent()) {
            if (containsIdentity(matched, parent)) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsIdentity(Elements elements, Element e) {
        for (Element x : elements) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }

    private static Elements select(Document doc, String selector) {
        try {
            return doc.select(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("invalid CSS selector: " + selector, e);
        }
    }
}
