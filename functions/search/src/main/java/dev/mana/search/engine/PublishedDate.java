package dev.mana.search.engine;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Engines write dates in several ISO-8601 shapes (with or without offset, date only); results
 * carry one: an ISO instant in UTC. Anything else is dropped rather than passed on half-read.
 */
final class PublishedDate {

    private PublishedDate() {}

    static String iso(String raw) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        String s = raw.strip();
        try {
            return OffsetDateTime.parse(s).toInstant().toString();
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return LocalDateTime.parse(s).toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            // try the next shape
        }
        try {
            return LocalDate.parse(s).atStartOfDay().toInstant(ZoneOffset.UTC).toString();
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
