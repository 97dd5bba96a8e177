package dev.mana.auth;

import java.security.SecureRandom;
import java.util.Base64;

/** Random ids with a type prefix ({@code acct_...}), so an id says what it names in logs and support. */
public final class Ids {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

    private Ids() {}

    /** {@code prefix_} and 128 random bits, base64url. */
    public static String random(String prefix) {
        return prefix + "_" + ENCODER.encodeToString(bytes(16));
    }

    public static byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        RANDOM.nextBytes(bytes);
        return bytes;
    }
}
