package dev.mana.platform.keys;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;

/**
 * The secret of an API key: {@code mana_live_} followed by 32 random bytes in base62 (43
 * characters). Only its SHA-256 hash is stored; a 32-byte random secret needs no slow hash.
 */
public final class ApiKeySecret {
    public static final String PREFIX = "mana_live_";
    private static final int RANDOM_BYTES = 32;
    private static final int BASE62_LENGTH = 43; // ceil(256 / log2(62))
    private static final String ALPHABET = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int DISPLAY_CHARS = PREFIX.length() + 6;

    private ApiKeySecret() {}

    public static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        var value = new BigInteger(1, bytes);
        var base62 = new StringBuilder();
        var radix = BigInteger.valueOf(62);
        while (value.signum() > 0) {
            BigInteger[] divided = value.divideAndRemainder(radix);
            base62.append(ALPHABET.charAt(divided[1].intValue()));
            value = divided[0];
        }
        while (base62.length() < BASE62_LENGTH) base62.append('0');
        return PREFIX + base62.reverse();
    }

    /** Whether a string is shaped like a key; cheap, so junk never reaches DynamoDB. */
    public static boolean looksLikeKey(String candidate) {
        if (candidate == null
                || candidate.length() != PREFIX.length() + BASE62_LENGTH
                || !candidate.startsWith(PREFIX)) {
            return false;
        }
        for (int i = PREFIX.length(); i < candidate.length(); i++) {
            if (ALPHABET.indexOf(candidate.charAt(i)) < 0) return false;
        }
        return true;
    }

    public static String hash(String secret) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is always present", e);
        }
    }

    /** What lists show: {@code mana_live_AbC123…}. */
    public static String displayPrefix(String secret) {
        return secret.substring(0, Math.min(DISPLAY_CHARS, secret.length()));
    }
}
