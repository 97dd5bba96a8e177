package dev.mana.extract.content;

import org.jsoup.nodes.Document;
import org.jsoup.select.NodeTraversor;

/**
 * A page nested deeper than any real one, refused before extraction starts: the article scoring
 * walks ancestors and subtrees, so its work grows with depth times size (20,000 nested divs kept
 * a core busy for seconds and could overflow the stack). Browsers stop nesting at 512 levels
 * (Chromium's HTML parser); this limit is the same.
 */
public final class PageTooDeep extends IllegalArgumentException {
    public static final int MAX_DEPTH = 512;

    private PageTooDeep() {
        super("the page nests elements more than " + MAX_DEPTH + " levels deep");
    }

    /** Throws when {@code doc} has an element deeper than {@link #MAX_DEPTH}; one iterative walk. */
    static void check(Document doc) {
        NodeTraversor.traverse(
                (node, depth) -> {
                    if (depth > MAX_DEPTH) throw new PageTooDeep();
                },
                doc);
    }
}
