package dev.mana.extract.content;

import java.util.ArrayList;
import java.util.List;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;

/**
 * Finds the main content of a prepared page. Each attempt runs on a fresh copy of the page; when
 * an attempt yields too little text the next one relaxes a heuristic (unlikely-block stripping,
 * class weighting, conditional cleaning), and if all fall short the longest result wins.
 */
final class ArticleGrabber {

    static final int CHAR_THRESHOLD = 500;

    /** What the grabbing found. */
    record Grabbed(Element article, String byline) {}

    private record Attempt(Element article, int textLength, String byline) {}

    Grabbed grab(Document prepared, String articleTitle, String knownByline) {
        boolean[][] flagSets = {{true, true, true}, {false, true, true}, {false, false, true}, {false, false, false}};
        List<Attempt> attempts = new ArrayList<>();
        for (boolean[] flags : flagSets) {
            Document page = prepared.clone();
            GrabState state = new GrabState(flags[0], flags[1], flags[2], articleTitle, knownByline);
            Element article = grabOnce(page, state);
            int textLength = DomText.innerText(article).length();
            if (textLength >= CHAR_THRESHOLD) {
                return new Grabbed(article, state.byline);
            }
            attempts.add(new Attempt(article, textLength, state.byline));
        }
        Attempt best = attempts.get(0);
        for (Attempt attempt : attempts) {
            if (attempt.textLength() > best.textLength()) {
                best = attempt;
            }
        }
        return new Grabbed(best.article(), best.byline());
    }

    private Element grabOnce(Document page, GrabState state) {
        List<Element> toScore = new CandidateWalk(state).collect(page);
        List<Element> top = new CandidateScorer(state).topCandidates(toScore);
        Element topCandidate = new TopCandidatePicker(state).pick(top);
        Element article;
        if (topCandidate == null) {
            // No usable candidate: the whole body is the article.
            article = new Element("div");
            Element body = page.body();
            for (Node child : new ArrayList<>(body.childNodes())) {
                article.appendChild(child);
            }
            state.initialize(article);
        } else {
            article = new SiblingMerge(state).merge(topCandidate);
        }
        new ArticleCleaner(state).clean(article);
        return article;
    }
}
