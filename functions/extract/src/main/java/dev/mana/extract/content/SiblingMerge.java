package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Gathers the top candidate and those of its siblings that look like more of the same article
 * (a good score, the same class, or a paragraph of real prose), in document order.
 */
final class SiblingMerge {

    private static final Pattern SENTENCE_END = Pattern.compile("\\.( |$)");

    private final GrabState state;

    SiblingMerge(GrabState state) {
        this.state = state;
    }

    Element merge(Element topCandidate) {
        Element article = new Element("div");
        double threshold = Math.max(10, state.score(topCandidate) * 0.2);
        Element parent = topCandidate.parent();
        List<Element> siblings = parent == null ? List.of(topCandidate) : new ArrayList<>(parent.children());
        for (Element sibling : siblings) {
            if (sibling == topCandidate || belongs(sibling, topCandidate, threshold)) {
                if (!Patterns.ALTER_TO_DIV_EXCEPTIONS.contains(sibling.normalName())) {
                    sibling.tagName("div");
                }
                article.appendChild(sibling);
            }
        }
        return article;
    }

    private boolean belongs(Element sibling, Element topCandidate, double threshold) {
        double bonus = 0;
        if (!topCandidate.className().isEmpty() && sibling.className().equals(topCandidate.className())) {
            bonus += state.score(topCandidate) * 0.2;
        }
        if (state.isScored(sibling) && state.score(sibling) + bonus >= threshold) {
            return true;
        }
        if (!sibling.normalName().equals("p")) {
            return false;
        }
        double linkDensity = DomText.linkDensity(sibling);
        String content = DomText.innerText(sibling);
        int length = content.length();
        if (length > 80 && linkDensity < 0.25) {
            return true;
        }
        return length < 80
                && length > 0
                && linkDensity == 0
                && SENTENCE_END.matcher(content).find();
    }
}
