package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * One pass over the page that removes what cannot be content (hidden nodes, bylines, the
 * title repeated as a heading, unlikely blocks), turns phrasing-only divs into paragraphs and
 * collects the elements whose text will be scored.
 */
final class CandidateWalk {

    private final GrabState state;

    CandidateWalk(GrabState state) {
        this.state = state;
    }

    List<Element> collect(Document doc) {
        List<Element> toScore = new ArrayList<>();
        boolean removeTitleHeader = true;
        Element node = doc.firstElementChild();
        while (node != null) {
            String tag = node.normalName();
            String matchString = DomShape.matchString(node);
            if (!DomShape.isProbablyVisible(node)) {
                node = DomShape.removeAndNext(node);
                continue;
            }
            if (node.attr("aria-modal").equals("true") && node.attr("role").equals("dialog")) {
                node = DomShape.removeAndNext(node);
                continue;
            }
            if (checkByline(node, matchString)) {
                node = DomShape.removeAndNext(node);
                continue;
            }
            if (removeTitleHeader && duplicatesTitle(node)) {
                removeTitleHeader = false;
                node = DomShape.removeAndNext(node);
                continue;
            }
            if (state.stripUnlikelys && isUnlikely(node, tag, matchString)) {
                node = DomShape.removeAndNext(node);
                continue;
            }
            if ((tag.equals("div") || tag.equals("section") || tag.equals("header") || Patterns.HEADINGS.contains(tag))
                    && DomShape.isWithoutContent(node)) {
                node = DomShape.removeAndNext(node);
                continue;
            }
            if (Patterns.TAGS_TO_SCORE.contains(tag)) {
                toScore.add(node);
            }
            if (tag.equals("div")) {
                node = reshapeDiv(node, toScore);
            }
            node = DomShape.next(node, false);
        }
        return toScore;
    }

    private boolean isUnlikely(Element node, String tag, String matchString) {
        if (Patterns.UNLIKELY_CANDIDATES.matcher(matchString).find()
                && !Patterns.MAYBE_CANDIDATE.matcher(matchString).find()
                && !DomShape.hasAncestorTag(node, "table")
                && !DomShape.hasAncestorTag(node, "code")
                && !tag.equals("body")
                && !tag.equals("a")) {
            return true;
        }
        return Patterns.UNLIKELY_ROLES.contains(node.attr("role"));
    }

    /** Wraps loose phrasing in paragraphs; a div holding just one p, or no blocks, becomes that p. */
    private Element reshapeDiv(Element node, List<Element> toScore) {
        Element p = null;
        Node child = node.firstChild();
        while (child != null) {
            Node nextSibling = child.nextSibling();
            if (DomShape.isPhrasing(child)) {
                if (p != null) {
                    p.appendChild(child);
                } else if (!DomShape.isWhitespace(child)) {
                    p = new Element("p");
                    child.before(p);
                    p.appendChild(child);
                }
            } else if (p != null) {
                trimTrailingWhitespace(p);
                p = null;
            }
            child = nextSibling;
        }
        if (p != null) {
            trimTrailingWhitespace(p);
        }
        if (DomShape.hasSingleTagInside(node, "p") && DomText.linkDensity(node) < 0.25) {
            Element only = node.child(0);
            DomShape.replace(node, only);
            toScore.add(only);
            return only;
        }
        if (!DomShape.hasChildBlockElement(node)) {
            node.tagName("p");
            toScore.add(node);
        }
        return node;
    }

    private static void trimTrailingWhitespace(Element p) {
        while (p.lastChild() != null && DomShape.isWhitespace(p.lastChild())) {
            p.lastChild().remove();
        }
    }

    private boolean checkByline(Element node, String matchString) {
        if (state.byline != null) {
            return false;
        }
        boolean hinted = node.attr("rel").equals("author")
                || node.attr("itemprop").contains("author")
                || Patterns.BYLINE.matcher(matchString).find();
        if (!hinted) {
            return false;
        }
        String text = DomText.trim(DomText.textContent(node));
        if (text.isEmpty() || text.length() >= 100) {
            return false;
        }
        state.byline = DomText.trim(DomText.textContent(itemPropName(node)));
        return true;
    }

    /** A descendant marked itemprop="name" holds the author's name without "By" or a date. */
    private static Element itemPropName(Element node) {
        Element end = DomShape.next(node, true);
        for (Element next = DomShape.next(node, false);
                next != null && next != end;
                next = DomShape.next(next, false)) {
            if (next.attr("itemprop").contains("name")) {
                return next;
            }
        }
        return node;
    }

    private boolean duplicatesTitle(Element node) {
        String tag = node.normalName();
        if (!tag.equals("h1") && !tag.equals("h2")) {
            return false;
        }
        return TextSimilarity.of(state.articleTitle, DomText.textContent(node)) > 0.75;
    }
}
