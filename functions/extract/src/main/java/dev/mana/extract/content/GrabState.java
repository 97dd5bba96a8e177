package dev.mana.extract.content;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.jsoup.nodes.Element;

/** What one extraction attempt learns about the DOM: scores, data tables, the byline seen. */
final class GrabState {

    final boolean stripUnlikelys;
    final boolean weightClasses;
    final boolean cleanConditionally;
    final String articleTitle;
    String byline;

    private final Map<Element, Double> scores = new IdentityHashMap<>();
    final Set<Element> dataTables = Collections.newSetFromMap(new IdentityHashMap<>());

    GrabState(
            boolean stripUnlikelys,
            boolean weightClasses,
            boolean cleanConditionally,
            String articleTitle,
            String byline) {
        this.stripUnlikelys = stripUnlikelys;
        this.weightClasses = weightClasses;
        this.cleanConditionally = cleanConditionally;
        this.articleTitle = articleTitle;
        this.byline = byline;
    }

    boolean isScored(Element e) {
        return scores.containsKey(e);
    }

    double score(Element e) {
        return scores.getOrDefault(e, 0.0);
    }

    void setScore(Element e, double score) {
        scores.put(e, score);
    }

    void addScore(Element e, double delta) {
        scores.merge(e, delta, Double::sum);
    }

    /** Gives an element its starting score from its tag and class/id hints. */
    void initialize(Element node) {
        double score = switch (node.normalName()) {
            case "div" -> 5;
            case "pre", "td", "blockquote" -> 3;
            case "address", "ol", "ul", "dl", "dd", "dt", "li", "form" -> -3;
            case "h1", "h2", "h3", "h4", "h5", "h6", "th" -> -5;
            default -> 0;
        };
        scores.put(node, score + classWeight(node));
    }

    /** +25 / -25 for each of class and id that hints at content or at clutter. */
    int classWeight(Element e) {
        if (!weightClasses) {
            return 0;
        }
        int weight = 0;
        String className = e.className();
        if (!className.isEmpty()) {
            if (Patterns.NEGATIVE.matcher(className).find()) {
                weight -= 25;
            }
            if (Patterns.POSITIVE.matcher(className).find()) {
                weight += 25;
            }
        }
        String id = e.id();
        if (!id.isEmpty()) {
            if (Patterns.NEGATIVE.matcher(id).find()) {
                weight -= 25;
            }
            if (Patterns.POSITIVE.matcher(id).find()) {
                weight += 25;
            }
        }
        return weight;
    }
}
