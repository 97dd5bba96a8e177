package dev.mana.extract.content;

import java.util.List;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * The final sweep over the gathered article: presentational attributes, forms, embeds that are
 * not video, share bars, negatively hinted headings, clutter blocks, empty paragraphs and
 * single-cell layout tables go.
 */
final class ArticleCleaner {

    private static final int SHARE_ELEMENT_THRESHOLD = 500;

    private final GrabState state;
    private final ConditionalCleaner conditional;

    ArticleCleaner(GrabState state) {
        this.state = state;
        this.conditional = new ConditionalCleaner(state);
    }

    void clean(Element article) {
        cleanStyles(article);
        DataTables.mark(article, state);
        conditional.clean(article, "form");
        conditional.clean(article, "fieldset");
        for (String tag : List.of("object", "embed", "footer", "link", "aside")) {
            removeUnlessVideo(article, tag);
        }
        for (Element child : article.children()) {
            removeShareElements(child);
        }
        for (String tag : List.of("iframe", "input", "textarea", "select", "button")) {
            removeUnlessVideo(article, tag);
        }
        for (Element heading : article.select("h1, h2")) {
            if (state.classWeight(heading) < 0) {
                heading.remove();
            }
        }
        conditional.clean(article, "table");
        conditional.clean(article, "ul");
        conditional.clean(article, "div");
        for (Element h1 : article.getElementsByTag("h1")) {
            h1.tagName("h2");
        }
        for (Element p : article.getElementsByTag("p")) {
            boolean hasMedia = !p.select("img, embed, object, iframe").isEmpty();
            if (!hasMedia && DomText.isBlank(DomText.textContent(p))) {
                p.remove();
            }
        }
        for (Element br : article.getElementsByTag("br")) {
            Node next = DocumentPrep.skipBlank(br.nextSibling());
            if (next instanceof Element e && e.normalName().equals("p")) {
                br.remove();
            }
        }
        unwrapSingleCellTables(article);
    }

    private static void cleanStyles(Element root) {
        for (Element e : root.getAllElements()) {
            if (e.normalName().equals("svg")) {
                continue;
            }
            for (String attribute : Patterns.PRESENTATIONAL_ATTRIBUTES) {
                e.removeAttr(attribute);
            }
            if (e.normalName().matches("table|th|td|hr|pre")) {
                e.removeAttr("width");
                e.removeAttr("height");
            }
        }
    }

    private static void removeUnlessVideo(Element root, String tag) {
        boolean isEmbed = tag.equals("object") || tag.equals("embed") || tag.equals("iframe");
        for (Element e : root.getElementsByTag(tag)) {
            if (e == root) {
                continue;
            }
            if (isEmbed && isVideo(e)) {
                continue;
            }
            e.remove();
        }
    }

    private static boolean isVideo(Element e) {
        for (Attribute attribute : e.attributes()) {
            if (Patterns.VIDEOS.matcher(attribute.getValue()).find()) {
                return true;
            }
        }
        return e.normalName().equals("object")
                && Patterns.VIDEOS.matcher(e.html()).find();
    }

    private static void removeShareElements(Element root) {
        Element end = DomShape.next(root, true);
        Element next = DomShape.next(root, false);
        while (next != null && next != end) {
            if (Patterns.SHARE_ELEMENTS.matcher(DomShape.matchString(next)).find()
                    && DomText.textContent(next).length() < SHARE_ELEMENT_THRESHOLD) {
                next = DomShape.removeAndNext(next);
            } else {
                next = DomShape.next(next, false);
            }
        }
    }

    private static void unwrapSingleCellTables(Element article) {
        for (Element table : article.getElementsByTag("table")) {
            Element body = DomShape.hasSingleTagInside(table, "tbody") ? table.child(0) : table;
            if (!DomShape.hasSingleTagInside(body, "tr")) {
                continue;
            }
            Element row = body.child(0);
            if (!DomShape.hasSingleTagInside(row, "td")) {
                continue;
            }
            Element cell = row.child(0);
            boolean phrasing = cell.childNodes().stream().allMatch(DomShape::isPhrasing);
            cell.tagName(phrasing ? "p" : "div");
            DomShape.replace(table, cell);
        }
    }
}
