package dev.mana.extract.content;

import java.util.List;
import java.util.concurrent.CancellationException;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.Elements;
import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;
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
        Evaluator evaluator;
        try {
            evaluator = QueryParser.parse(selector);
        } catch (Selector.SelectorParseException e) {
            throw new IllegalArgumentException("invalid CSS selector: " + selector, e);
        }
        return Selector.select(new StopsWhenInterrupted(evaluator), doc);
    }

    /**
     * Tests each element as jsoup's own select does, but stops when the thread is interrupted:
     * a caller's selector can cost the page's size per element (a :has over the siblings), and
     * the extraction's work budget interrupts the thread to end it.
     */
    private static final class StopsWhenInterrupted extends Evaluator {
        private final Evaluator selector;

        StopsWhenInterrupted(Evaluator selector) {
            this.selector = selector;
        }

        @Override
        public boolean matches(Element root, Element element) {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("selector matching stopped: the extraction's work budget ran out");
            }
            return selector.matches(root, element);
        }

        @Override
        public String toString() {
            return selector.toString();
        }
    }
}
