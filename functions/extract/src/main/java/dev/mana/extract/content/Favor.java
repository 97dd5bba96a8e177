package dev.mana.extract.content;

import java.util.Locale;

/**
 * Which way main-content extraction leans when a block could be article or furniture, as
 * trafilatura's favor_precision / favor_recall.
 */
public enum Favor {
    /** Also drops image captions and keeps less around the article. */
    PRECISION,
    /** The default: boilerplate removal that keeps everything labelled pages call article. */
    BALANCED,
    /** No boilerplate removal after the main-content choice: what Readability's scoring keeps. */
    RECALL;

    /** The request's spelling: precision, balanced, recall; null for any other. */
    public static Favor parse(String name) {
        for (Favor favor : values()) {
            if (favor.name().toLowerCase(Locale.ROOT).equals(name)) {
                return favor;
            }
        }
        return null;
    }
}
