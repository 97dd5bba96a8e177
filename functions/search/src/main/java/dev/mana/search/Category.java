package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** The closed set of search categories a client may ask for; the wire name is lower case. */
public enum Category {
    GENERAL,
    NEWS,
    SCIENCE,
    IT,
    IMAGES,
    VIDEOS,
    FILES,
    SOCIAL,
    MAP;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Category> fromWire(String name) {
        for (Category c : values()) {
            if (c.wireName().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
