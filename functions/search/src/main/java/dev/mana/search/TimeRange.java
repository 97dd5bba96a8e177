package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;
import java.util.Optional;

/** How recent results must be; engines that cannot filter by date ignore it. */
public enum TimeRange {
    DAY,
    WEEK,
    MONTH,
    YEAR;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<TimeRange> fromWire(String name) {
        for (TimeRange t : values()) {
            if (t.wireName().equals(name)) {
                return Optional.of(t);
            }
        }
        return Optional.empty();
    }
}
