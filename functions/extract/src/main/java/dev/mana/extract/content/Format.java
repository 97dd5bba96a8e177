package dev.mana.extract.content;

/** The representations an extraction can return. */
public enum Format {
    MARKDOWN,
    TEXT,
    HTML,
    LINKS,
    IMAGES
}
