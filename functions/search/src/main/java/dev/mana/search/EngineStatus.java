package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How one engine fared in one search. */
public enum EngineStatus {
    /** Answered in time with a readable body (possibly with no results). */
    OK,
    /** Refused, failed to connect, or answered something unreadable. */
    ERROR,
    /** No complete answer before its own timeout or the search's deadline. */
    TIMEOUT,
    /** Not asked: not configured, circuit open, or not serving the asked categories. */
    SKIPPED;

    @JsonValue
    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
