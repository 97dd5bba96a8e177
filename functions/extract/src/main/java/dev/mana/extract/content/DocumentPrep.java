package dev.mana.extract.content;

import org.jsoup.nodes.Comment;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Readies a parsed page for scoring: drops what is never content (scripts, styles, templates)
 * and turns runs of {@code <br>} into paragraphs so text blocks can be scored as such.
 */
final class DocumentPrep {

    private DocumentPrep() {}

    static void removeNonContent(Document doc) {
        // rt and rp are ruby annotations (readings over Japanese or Chinese characters): kept, they
        // split every word of the text they annotate.
        doc.select("script, noscript, style, template, link[rel=stylesheet], rt, rp")
                .remove();
    }

    static void prepare(Document doc) {
        removeNonContent(doc);
        replaceBrs(doc.body());
        for (Element font : doc.getElementsByTag("font")) {
            font.tagName("span");
        }
    }

    /** Two or more {@code <br>} in a row end a paragraph: wrap the phrasing that follows in a p. */
    static void replaceBrs(Element body) {
        for (Element br : body.getElementsByTag("br")) {
            if (br.parent() == null) {
                continue; // already dropped as part of an earlier run
            }
            Node next = br.nextSibling();
            boolean replaced = false;
            while ((next = skipBlank(next)) instanceof Element e
                    && e.normalName().equals("br")) {
                replaced = true;
                Node after = next.nextSibling();
                next.remove();
                next = after;
            }
            if (!replaced) {
                continue;
            }
            Element p = new Element("p");
            DomShape.replace(br, p);
            next = p.nextSibling();
            while (next != null) {
                if (next instanceof Element e && e.normalName().equals("br")) {
                    Node afterBr = skipBlank(next.nextSibling());
                    if (afterBr instanceof Element e2 && e2.normalName().equals("br")) {
                        break;
                    }
                }
                if (!DomShape.isPhrasing(next)) {
                    break;
                }
                Node sibling = next.nextSibling();
                p.appendChild(next);
                next = sibling;
            }
            while (p.lastChild() != null && DomShape.isWhitespace(p.lastChild())) {
                p.lastChild().remove();
            }
            if (p.parent() != null && p.parent().normalName().equals("p")) {
                p.parent().tagName("div");
            }
        }
    }

    /** The first node from here on that is an element or has non-blank text. */
    static Node skipBlank(Node node) {
        Node next = node;
        while (next != null && !(next instanceof Element) && isBlankNode(next)) {
            next = next.nextSibling();
        }
        return next;
    }

    private static boolean isBlankNode(Node node) {
        if (node instanceof TextNode text) {
            return DomText.isBlank(text.getWholeText());
        }
        if (node instanceof Comment comment) {
            return DomText.isBlank(comment.getData());
        }
        return true;
    }
}
