package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Element;

/**
 * Refines the best candidate: climbs to a common ancestor when several near-best candidates share
 * one, to a parent that scores better, and through wrappers with a single child.
 */
final class TopCandidatePicker {

    private static final int MINIMUM_TOP_CANDIDATES = 3;

    private final GrabState state;

    TopCandidatePicker(GrabState state) {
        this.state = state;
    }

    /** The element to build the article around, or null when the whole body must be used. */
    Element pick(List<Element> top) {
        if (top.isEmpty() || top.get(0).normalName().equals("body")) {
            return null;
        }
        Element topCandidate = top.get(0);
        List<List<Element>> alternativeAncestors = new ArrayList<>();
        for (int i = 1; i < top.size(); i++) {
            if (state.score(top.get(i)) / state.score(topCandidate) >= 0.75) {
                alternativeAncestors.add(DomShape.ancestors(top.get(i), 0));
            }
        }
        if (alternativeAncestors.size() >= MINIMUM_TOP_CANDIDATES) {
            Element parent = topCandidate.parent();
            while (parent != null && !parent.normalName().equals("body")) {
                int lists = 0;
                for (int i = 0; i < alternativeAncestors.size() && lists < MINIMUM_TOP_CANDIDATES; i++) {
                    if (containsIdentity(alternativeAncestors.get(i), parent)) {
                        lists++;
                    }
                }
                if (lists >= MINIMUM_TOP_CANDIDATES) {
                    topCandidate = parent;
                    break;
                }
                parent = parent.parent();
            }
        }
        if (!state.isScored(topCandidate)) {
            state.initialize(topCandidate);
        }
        topCandidate = climbToBetterParent(topCandidate);
        Element parent = topCandidate.parent();
        while (parent != null && !parent.normalName().equals("body") && parent.childrenSize() == 1) {
            topCandidate = parent;
            parent = topCandidate.parent();
        }
        if (!state.isScored(topCandidate)) {
            state.initialize(topCandidate);
        }
        return topCandidate;
    }

    private Element climbToBetterParent(Element topCandidate) {
        Element parent = topCandidate.parent();
        double lastScore = state.score(topCandidate);
        double threshold = lastScore / 3;
        while (parent != null && !parent.normalName().equals("body")) {
            if (!state.isScored(parent)) {
                parent = parent.parent();
                continue;
            }
            double parentScore = state.score(parent);
            if (parentScore < threshold) {
                break;
            }
            if (parentScore > lastScore) {
                return parent;
            }
            lastScore = parentScore;
            parent = parent.parent();
        }
        return topCandidate;
    }

    private static boolean containsIdentity(List<Element> list, Element e) {
        for (Element x : list) {
            if (x == e) {
                return true;
            }
        }
        return false;
    }
}
