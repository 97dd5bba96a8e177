package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/** Structural predicates and the depth-first walk used while the DOM is being rewritten. */
final class DomShape {

    private DomShape() {}

    static boolean isPhrasing(Node node) {
        if (node instanceof TextNode) {
            return true;
        }
        if (!(node instanceof Element e)) {
            return false;
        }
        String tag = e.normalName();
        if (Patterns.PHRASING.contains(tag)) {
            return true;
        }
        return (tag.equals("a") || tag.equals("del") || tag.equals("ins"))
                && e.childNodes().stream().allMatch(DomShape::isPhrasing);
    }

    static boolean isWhitespace(Node node) {
        if (node instanceof TextNode text) {
            return DomText.isBlank(text.getWholeText());
        }
        return node instanceof Element e && e.normalName().equals("br");
    }

    /** Exactly one child element, of the given tag, and no text of its own. */
    static boolean hasSingleTagInside(Element element, String tag) {
        if (element.childrenSize() != 1 || !element.child(0).normalName().equals(tag)) {
            return false;
        }
        for (Node child : element.childNodes()) {
            if (child instanceof TextNode text && !DomText.isBlank(text.getWholeText())) {
                return false;
            }
        }
        return true;
    }

    static boolean hasChildBlockElement(Element element) {
        for (Element child : element.children()) {
            if (Patterns.DIV_TO_P_ELEMS.contains(child.normalName()) || hasChildBlockElement(child)) {
                return true;
            }
        }
        return false;
    }

    static boolean isWithoutContent(Element element) {
        if (!DomText.isBlank(DomText.textContent(element))) {
            return false;
        }
        int children = element.childrenSize();
        return children == 0
                || children
                        == element.getElementsByTag("br").size()
                                + element.getElementsByTag("hr").size();
    }

    /** Whether an ancestor within maxDepth levels (0 = any) has the tag and passes the filter. */
    static boolean hasAncestorTag(Element node, String tag, int maxDepth, Predicate<Element> filter) {
        int depth = 0;
        Element parent = node.parent();
        while (parent != null && !(parent instanceof Document)) {
            if (maxDepth > 0 && depth > maxDepth) {
                return false;
            }
            if (parent.normalName().equals(tag) && (filter == null || filter.test(parent))) {
                return true;
            }
            parent = parent.parent();
            depth++;
        }
        return false;
    }

    static boolean hasAncestorTag(Element node, String tag) {
        return hasAncestorTag(node, tag, 3, null);
    }

    static boolean isProbablyVisible(Element node) {
        String style = node.attr("style");
        if (!style.isEmpty()
                && (Patterns.DISPLAY_NONE.matcher(style).find()
                        || Patterns.VISIBILITY_HIDDEN.matcher(style).find())) {
            return false;
        }
        if (node.hasAttr("hidden")) {
            return false;
        }
        // Wikipedia-style "fallback-image" is aria-hidden yet the only copy of the image.
        return !node.attr("aria-hidden").equals("true") || node.className().contains("fallback-image");
    }

    /** Up to maxDepth ancestors, nearest first (0 = all). */
    static List<Element> ancestors(Element node, int maxDepth) {
        List<Element> out = new ArrayList<>();
        Element parent = node.parent();
        while (parent != null) {
            out.add(parent);
            if (maxDepth > 0 && out.size() == maxDepth) {
                break;
            }
            parent = parent.parent();
        }
        return out;
    }

    /** The next element in document order, optionally skipping this element's subtree. */
    static Element next(Element node, boolean skipChildren) {
        if (!skipChildren && node.firstElementChild() != null) {
            return node.firstElementChild();
        }
        Element current = node;
        while (current != null) {
            Element sibling = current.nextElementSibling();
            if (sibling != null) {
                return sibling;
            }
            current = current.parent();
        }
        return null;
    }

    /**
     * Puts {@code in} where {@code out} is. Not jsoup's replaceWith: it swaps the child list entry
     * in place, which leaves the parent's cached element-children list looking current (jsoup
     * 1.21 checks the list's modCount, which a set does not change), so child(i) and
     * childrenSize() went on seeing the old element until a GC cleared the cache, and the same
     * page came out differently from run to run. An insert and a removal change the count.
     */
    static void replace(Element out, Node in) {
        out.before(in);
        out.remove();
    }

    static Element removeAndNext(Element node) {
        Element next = next(node, true);
        node.remove();
        return next;
    }

    /** Readability's classic "className id" string that hints are matched against. */
    static String matchString(Element e) {
        return e.className() + " " + e.id();
    }
}
