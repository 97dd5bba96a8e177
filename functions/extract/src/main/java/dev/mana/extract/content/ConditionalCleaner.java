package dev.mana.extract.content;

import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;

/**
 * Removes blocks of a given tag that look like clutter: link lists, image galleries with no
 * prose, form-heavy blocks, lone embeds, negatively hinted blocks. Data tables and code stay.
 */
final class ConditionalCleaner {

    private final GrabState state;

    ConditionalCleaner(GrabState state) {
        this.state = state;
    }

    void clean(Element root, String tag) {
        if (!state.cleanConditionally) {
            return;
        }
        // Reverse document order, so inner blocks are judged before the blocks around them.
        var nodes = root.getElementsByTag(tag);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Element node = nodes.get(i);
            if (node != root && node.parent() != null && shouldRemove(node, tag)) {
                node.remove();
            }
        }
    }

    private boolean shouldRemove(Element node, String tag) {
        boolean isList = tag.equals("ul") || tag.equals("ol");
        if (!isList) {
            int listLength = 0;
            for (Element list : node.select("ul, ol")) {
                listLength += DomText.innerText(list).length();
            }
            int nodeLength = DomText.innerText(node).length();
            isList = nodeLength > 0 && (double) listLength / nodeLength > 0.9;
        }
        if (tag.equals("table") && state.dataTables.contains(node)) {
            return false;
        }
        if (DomShape.hasAncestorTag(node, "table", -1, state.dataTables::contains)) {
            return false;
        }
        if (DomShape.hasAncestorTag(node, "code")) {
            return false;
        }
        for (Element table : node.getElementsByTag("table")) {
            if (state.dataTables.contains(table)) {
                return false;
            }
        }
        int weight = state.classWeight(node);
        if (weight < 0) {
            return true;
        }
        if (DomText.textContent(node).chars().filter(c -> c == ',').count() >= 10) {
            return false;
        }
        return looksLikeClutter(node, isList, weight);
    }

    private boolean looksLikeClutter(Element node, boolean isList, int weight) {
        int p = node.getElementsByTag("p").size();
        int img = node.getElementsByTag("img").size();
        int li = node.getElementsByTag("li").size() - 100;
        int input = node.getElementsByTag("input").size();
        double headingDensity = DomText.textDensity(node, Patterns.HEADINGS);
        int embedCount = 0;
        for (Element embed : node.select("object, embed, iframe")) {
            for (Attribute attribute : embed.attributes()) {
                if (Patterns.VIDEOS.matcher(attribute.getValue()).find()) {
                    return false;
                }
            }
            if (embed.normalName().equals("object")
                    && Patterns.VIDEOS.matcher(embed.html()).find()) {
                return false;
            }
            embedCount++;
        }
        String innerText = DomText.innerText(node);
        if (Patterns.AD_WORDS.matcher(innerText).matches()
                || Patterns.LOADING_WORDS.matcher(innerText).matches()) {
            return true;
        }
        int contentLength = innerText.length();
        double linkDensity = DomText.linkDensity(node);
        double textDensity = DomText.textDensity(node, Patterns.TEXTISH);
        boolean isFigureChild = DomShape.hasAncestorTag(node, "figure");

        boolean remove = (!isFigureChild && img > 1 && (double) p / img < 0.5)
                || (!isList && li > p)
                || (input > Math.floor(p / 3.0))
                || (!isList
                        && !isFigureChild
                        && headingDensity < 0.9
                        && contentLength < 25
                        && (img == 0 || img > 2)
                        && linkDensity > 0)
                || (!isList && weight < 25 && linkDensity > 0.2)
                || (weight >= 25 && linkDensity > 0.5)
                || ((embedCount == 1 && contentLength < 75) || embedCount > 1)
                || (img == 0 && textDensity == 0);

        // A plain list of images (one image per item) is content, e.g. a gallery in an article.
        if (isList && remove) {
            for (Element child : node.children()) {
                if (child.childrenSize() > 1) {
                    return true;
                }
            }
            return img != node.getElementsByTag("li").size();
        }
        return remove;
    }
}
