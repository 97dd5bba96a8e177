package dev.mana.extract.content;

import java.util.Locale;
import java.util.Set;
import org.jsoup.nodes.Element;

/**
 * Judges one short block of the chosen content by what it says and how it is made: a meta row, a
 * byline, a teaser card, an excerpt of another post, an appeal set in bold, a share row, a credit.
 */
final class BoilerplateBlock {

    private BoilerplateBlock() {}

    /** Whether a short block, whose case-folded one-line text is given, is furniture. */
    static boolean isBoilerplate(Element e, String text) {
        if (text.indexOf('|') > 0 && everySegmentIsFurniture(text)) {
            return true;
        }
        if (BoilerplateText.META_LINE.matcher(text).find() && (text.length() < 200 || DomText.linkDensity(e) > 0.3)) {
            return true;
        }
        if (BoilerplateText.LICENCE.matcher(text).find()) {
            return true;
        }
        if (text.length() < 200
                && BoilerplateText.HAS_DATE.matcher(text).find()
                && (text.split("[|·•]").length >= 3
                        || BoilerplateText.FILED.matcher(text).find())) {
            return true;
        }
        if (BoilerplateText.BYLINE.matcher(text).find()
                || BoilerplateText.AUTHOR_HEADING.matcher(text).find()) {
            return true;
        }
        if (isTeaserCard(e, text) || isExcerpt(e, text)) {
            return true;
        }
        if (text.length() < 400
                && isEmphasised(e)
                && BoilerplateText.INVITATIONS.matcher(text).find()) {
            return true;
        }
        return isFurnitureLine(e, text);
    }

    /** "Comments feed | Comments closed | Trackback URL": a row of furniture, cell by cell. */
    private static boolean everySegmentIsFurniture(String text) {
        for (String segment : text.split("[|·•]")) {
            String s = segment.strip();
            if (!s.isEmpty()
                    && !isFurnitureLine(null, s)
                    && !BoilerplateText.HAS_DATE.matcher(s).find()
                    && !s.matches("(?i).*(feed|trackback|permalink|rss|permalien).*")) {
                return false;
            }
        }
        return true;
    }

    /** A linked image with a linked headline: a card pointing at another story. */
    private static boolean isTeaserCard(Element e, String text) {
        return !e.normalName().equals("p")
                && text.length() >= 20
                && !e.getElementsByTag("img").isEmpty()
                && !e.getElementsByTag("a").isEmpty()
                && DomText.linkDensity(e) > 0.9;
    }

    /** The excerpt of another post: prose that ends in a "Read more" link to the rest. */
    private static boolean isExcerpt(Element e, String text) {
        if (!BoilerplateText.READ_MORE.matcher(text).find()) {
            return false;
        }
        var links = e.getElementsByTag("a");
        return !links.isEmpty()
                && BoilerplateText.READ_MORE
                        .matcher(DomText.innerText(links.last()).toLowerCase(Locale.ROOT))
                        .find();
    }

    /** All of the block's text is bold or italic: a note set apart from the article. */
    private static boolean isEmphasised(Element e) {
        int emphasised = 0;
        for (Element em : e.select("strong, b, em, i")) {
            if (em.parent() == e
                    || em.parent() != null
                            && !Set.of("strong", "b", "em", "i")
                                    .contains(em.parent().normalName())) {
                emphasised += DomText.innerText(em).length();
            }
        }
        return emphasised >= 0.9 * DomText.innerText(e).length();
    }

    private static boolean isFurnitureLine(Element e, String text) {
        if (BoilerplateText.AD_LABEL.matcher(text).find()
                || BoilerplateText.NAVIGATION.matcher(text).find()
                || (text.length() < 80
                        && BoilerplateText.TOOL_LINK.matcher(text).find())
                || BoilerplateText.SHARE_ROW.matcher(text).find()
                || BoilerplateText.COMMENTS.matcher(text).find()
                || BoilerplateText.CREDIT.matcher(text).find()
                || BoilerplateText.DATELINE.matcher(text).find()) {
            return true;
        }
        if (BoilerplateText.INVITATIONS.matcher(text).find() && text.length() < 200) {
            return true;
        }
        if (BoilerplateText.RELATED.matcher(text).find()) {
            return true;
        }
        return e != null && BoilerplateText.POINTER.matcher(text).find() && DomText.linkDensity(e) > 0.4;
    }
}
