package dev.mana.platform.credits;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Pattern;

/**
 * Ids and times of ledger movements. An id is a type prefix and 26 lower-case Crockford base32
 * characters (48 bits of milliseconds, 80 random bits), so ids sort by time. Times are
 * microseconds, strictly increasing within one ledger, so entries written one after another
 * by one container list in that order.
 */
final class LedgerIds {
    static final String CHARGE = "chg_";
    static final String REFUND = "rfd_";
    static final String GRANT = "grt_";
    static final String HOLD = "hld_";
    static final String RELEASE = "rls_";
    static final Pattern ID = Pattern.compile("(chg|rfd|grt|hld|rls)_[0-9a-hjkmnp-tv-z]{26}");

    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private final SecureRandom random = new SecureRandom();
    private final AtomicLong lastMicros = new AtomicLong();
    private final Clock clock;

    LedgerIds(Clock clock) {
        this.clock = clock;
    }

    /** Now, to the microsecond, later than any instant this ledger gave before. */
    Instant now() {
        Instant wall = clock.instant();
        long micros = ChronoUnit.MICROS.between(Instant.EPOCH, wall);
        long next = lastMicros.updateAndGet(last -> Math.max(last + 1, micros));
        return Instant.EPOCH.plus(next, ChronoUnit.MICROS);
    }

    /** The wall clock, for TTL decisions (no monotonic adjustment). */
    Instant wallClock() {
        return clock.instant();
    }

    String next(String prefix, Instant at) {
        char[] out = new char[26];
        long millis = at.toEpochMilli();
        for (int i = 9; i >= 0; i--) {
            out[i] = ALPHABET[(int) (millis & 31)];
            millis >>>= 5;
        }
        byte[] bytes = new byte[10];
        random.nextBytes(bytes);
        long high = 0;
        long low = 0;
        for (int i = 0; i < 5; i++) high = (high << 8) | (bytes[i] & 0xff);
        for (int i = 5; i < 10; i++) low = (low << 8) | (bytes[i] & 0xff);
        for (int i = 17; i >= 10; i--, high >>>= 5) out[i] = ALPHABET[(int) (high & 31)];
        for (int i = 25; i >= 18; i--, low >>>= 5) out[i] = ALPHABET[(int) (low & 31)];
        return prefix + new String(out);
    }

    /** Fixed-width UTC time that sorts as it reads: {@code 2026-11-27T10:15:30.123456Z}. */
    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}
