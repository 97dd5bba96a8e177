package dev.mana.extract.content;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Boilerplate removal after the main content is chosen: what Readability's scoring keeps because it
 * sits inside the article's container but that a reader would not call the article. Blocks go by
 * their class/id (share bars, related lists, bylines, captions, author boxes), by what they say
 * (see {@link BoilerplateText}), and by link density (lists of other stories). Rules look at one
 * block at a time and only at short ones, so prose is never judged by a phrase it happens to hold.
 */
final class BoilerplateFilter {

    /** Longest text a block may hold to be dropped for what it says. */
    private static final int SHORT_BLOCK = 250;

    static final Set<String> LEAF_BLOCKS = Set.of(
            "p",
            "li",
            "h1",
            "h2",
            "h3",
            "h4",
            "h5",
            "h6",
            "figcaption",
            "dt",
            "dd",
            "div",
            "section",
            "span",
            "small",
            "time",
            "address",
            "blockquote",
            "td",
            "strong",
            "b",
            "em",
            "i",
            "header",
            "footer",
            "caption");

    /** Class/id tokens of containers that hold furniture, matched whole between - and _ . */
    private static final Pattern FURNITURE = Pattern.compile(
            "(^|[-_\\s])(share|sharing|shares|social|socials|sharedaddy"
                    + "|shariff|addtoany|a2a|sociallinks|social-links|related|relatedposts|yarpp|recommended|recommendations"
                    + "|readmore|read-more|more-articles|more-stories|newsletter|subscribe|subscription|signup|author-?bio|authorbox"
                    + "|author-box|about-author|author-info|byline|dateline|timestamp|posted-on|entry-meta|post-meta|article-meta"
                    + "|postmetadata|meta-info|credit|credits|copyright|photo-credit|image-credit|gallery-count"
                    + "|comments|comment-respond|respond|breadcrumb|breadcrumbs|tags|tag-list|tagcloud|post-tags|categories"
                    + "|pagination|pager|post-navigation|nav-links|promo|teaser-list|advert|advertisement|ad|sponsor|sponsored"
                    + "|sidebar|print|rating|feedback|infobox-newsletter|follow|follow-us|jp-relatedposts)($|[-_\\s])",
            Pattern.CASE_INSENSITIVE);

    /** Class tokens of an image caption. */
    private static final Pattern CAPTION = Pattern.compile(
            "(^|[-_\\s])(wp-caption-text|caption|image-caption|photo-caption)($|[-_\\s])", Pattern.CASE_INSENSITIVE);

    private static final Pattern BEM_MODIFIER = Pattern.compile("--[\\w-]+");

    /** A furniture container holding more of the article than this share is kept. */
    private static final double MAX_SHARE_OF_ARTICLE = 0.5;

    private final Favor favor;

    BoilerplateFilter(Favor favor) {
        this.favor = favor;
    }

    void clean(Element article) {
        int articleLength = DomText.innerText(article).length();
        removeFurnitureContainers(article, articleLength);
        if (favor == Favor.PRECISION) {
            // Captions describe the pictures; labelled pages count them as article about as often as not.
            article.getElementsByTag("figcaption").remove();
        }
        removeRelatedSections(article);
        removeBoilerplateBlocks(article);
        removeAdImages(article);
        removeEmptyContainers(article);
    }

    private void removeFurnitureContainers(Element article, int articleLength) {
        List<Element> all = article.getAllElements();
        for (Element e : all) {
            if (e == article || e.parent() == null || !isFurniture(e)) {
                continue;
            }
            if (DomText.innerText(e).length() <= MAX_SHARE_OF_ARTICLE * articleLength) {
                e.remove();
            }
        }
    }

    private static boolean isFurniture(Element e) {
        // A BEM modifier ("Section--Ads") says what a block holds beside its content, not what it is.
        String hints = BEM_MODIFIER.matcher(e.className() + " " + e.id()).replaceAll("");
        if (hints.isBlank() || holdsProse(e)) {
            return false;
        }
        // A caption's text (often with its credit) goes; the figure holding the picture stays.
        return FURNITURE.matcher(hints).find()
                || (CAPTION.matcher(hints).find() && e.selectFirst("img, picture, video") == null);
    }

    /** Three or more paragraphs of plain prose: an article section whatever its class says. */
    private static boolean holdsProse(Element e) {
        int prose = 0;
        for (Element p : e.getElementsByTag("p")) {
            if (DomText.innerText(p).length() > 150 && DomText.linkDensity(p) < 0.2 && ++prose >= 3) {
                return true;
            }
        }
        return false;
    }

    /** A "Related" or "About the author" heading, and the link lists or bio right after it. */
    private static void removeRelatedSections(Element article) {
        for (Element e : article.getAllElements()) {
            if (e == article || e.parent() == null || !isHeadingLike(e)) {
                continue;
            }
            String text = lineText(e, 200);
            if (text == null) {
                continue;
            }
            boolean related = BoilerplateText.RELATED.matcher(text).find();
            boolean author =
                    !related && BoilerplateText.AUTHOR_HEADING.matcher(text).find();
            if (!related && !author) {
                continue;
            }
            Element next = e.nextElementSibling();
            e.remove();
            int taken = 0;
            while (next != null && !isHeadingLike(next) && taken < 3) {
                Element after = next.nextElementSibling();
                boolean goes = related
                        ? DomText.linkDensity(next) > 0.5
                        : DomText.innerText(next).length() < 600;
                if (!goes) {
                    break;
                }
                next.remove();
                next = after;
                taken++;
            }
        }
    }

    private static boolean isHeadingLike(Element e) {
        if (Patterns.HEADINGS.contains(e.normalName())) {
            return true;
        }
        if (e.normalName().equals("div")
                && e.children().isEmpty()
                && DomText.innerText(e).length() <= 80) {
            return true;
        }
        // A short paragraph that is all bold text stands in for a heading on many sites.
        if (!e.normalName().equals("p") || DomText.innerText(e).length() > 80) {
            return false;
        }
        Element only = e.childrenSize() == 1 ? e.child(0) : null;
        return only != null
                && (only.normalName().equals("strong") || only.normalName().equals("b"))
                && DomText.innerText(only).length() == DomText.innerText(e).length();
    }

    private static void removeBoilerplateBlocks(Element article) {
        List<Element> all = article.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            if (e == article || e.parent() == null || !LEAF_BLOCKS.contains(e.normalName())) {
                continue;
            }
            String text = lineText(e, SHORT_BLOCK);
            if (text == null || text.isEmpty()) {
                continue;
            }
            if (BoilerplateBlock.isBoilerplate(e, text)) {
                e.remove();
            }
        }
    }

    /** A banner whose alt text says it is an ad, with the link around it. */
    private static void removeAdImages(Element article) {
        for (Element img : article.getElementsByTag("img")) {
            if (BoilerplateText.AD_LABEL.matcher(img.attr("alt")).find()) {
                Element link = img.parent() != null && img.parent().normalName().equals("a") ? img.parent() : img;
                link.remove();
            }
        }
    }

    private static final Set<String> CONTAINERS = Set.of("ul", "ol", "div", "section", "li", "figure");

    private static void removeEmptyContainers(Element article) {
        List<Element> all = article.getAllElements();
        for (int i = all.size() - 1; i >= 0; i--) {
            Element e = all.get(i);
            if (e != article
                    && e.parent() != null
                    && CONTAINERS.contains(e.normalName())
                    && !e.hasText() // stops at the first text, unlike building the whole text
                    && e.selectFirst("img, picture, video, iframe, embed, object, svg, table") == null) {
                e.remove();
            }
        }
    }

    /** The block's text on one line, lower case, when it is at most max characters; else null. */
    private static String lineText(Element e, int max) {
        String text = DomText.shortInnerText(e, max);
        return text == null ? null : text.toLowerCase(Locale.ROOT);
    }
}
