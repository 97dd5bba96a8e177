package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Scores each paragraph-like element by its text (length, commas) and hands the score up to
 * five ancestors, less each level up; an ancestor's final score is discounted by its link density.
 */
final class CandidateScorer {

    private static final int TOP_CANDIDATES = 5;

    private final GrabState state;

    CandidateScorer(GrabState state) {
        this.state = state;
    }

    /** The best-scoring candidates, best first. */
    List<Element> topCandidates(List<Element> toScore) {
        List<Element> candidates = new ArrayList<>();
        for (Element element : toScore) {
            Element parent = element.parent();
            if (parent == null || parent instanceof Document) {
                continue;
            }
            String innerText = DomText.innerText(element);
            if (innerText.length() < 25) {
                continue;
            }
            List<Element> ancestors = DomShape.ancestors(element, 5);
            if (ancestors.isEmpty()) {
                continue;
            }
            double contentScore = 1;
            contentScore += Patterns.COMMAS.split(innerText, -1).length;
            contentScore += Math.min(innerText.length() / 100, 3);
            for (int level = 0; level < ancestors.size(); level++) {
                Element ancestor = ancestors.get(level);
                if (ancestor instanceof Document
                        || ancestor.parent() == null
                        || ancestor.parent() instanceof Document) {
                    continue;
                }
                if (!state.isScored(ancestor)) {
                    state.initialize(ancestor);
                    candidates.add(ancestor);
                }
                double divider = level == 0 ? 1 : level == 1 ? 2 : level * 3;
                state.addScore(ancestor, contentScore / divider);
            }
        }
        List<Element> top = new ArrayList<>();
        for (Element candidate : candidates) {
            double score = state.score(candidate) * (1 - DomText.linkDensity(candidate));
            state.setScore(candidate, score);
            int position = 0;
            while (position < top.size() && state.score(top.get(position)) >= score) {
                position++;
            }
            if (position < TOP_CANDIDATES) {
                top.add(position, candidate);
                if (top.size() > TOP_CANDIDATES) {
                    top.remove(TOP_CANDIDATES);
                }
            }
        }
        return top;
    }
}
