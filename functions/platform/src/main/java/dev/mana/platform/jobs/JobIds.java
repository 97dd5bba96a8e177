package dev.mana.platform.jobs;

import java.security.SecureRandom;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.regex.Pattern;

/** Job ids: {@code job_} and 26 Crockford base32 characters (48 bits of milliseconds, 80 random), sorting by time. */
final class JobIds {
    static final Pattern ID = Pattern.compile("job_[0-9a-hjkmnp-tv-z]{26}");
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final SecureRandom RANDOM = new SecureRandom();

    private JobIds() {}

    static String next(Instant at) {
        char[] out = new char[26];
        long millis = at.toEpochMilli();
        for (int i = 9; i >= 0; i--, millis >>>= 5) out[i] = ALPHABET[(int) (millis & 31)];
        for (int i = 10; i < 26; i++) out[i] = ALPHABET[RANDOM.nextInt(32)];
        return "job_" + new String(out);
    }

    static boolean valid(String id) {
        return id != null && ID.matcher(id).matches();
    }

    /** Fixed-width UTC time that sorts as it reads. */
    static String sortable(Instant at) {
        return SORTABLE.format(at);
    }
}
