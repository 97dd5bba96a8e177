package dev.mana.auth.billing;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Stripe's webhook signature, as Stripe documents it ("Verify webhook signatures with your own
 * solution"): the {@code Stripe-Signature} header is {@code t=TIMESTAMP,v1=SIG[,v1=SIG...]}
 * (other schemes such as {@code v0} are ignored); {@code SIG} is the hex HMAC-SHA256, keyed
 * with the endpoint's signing secret, of {@code TIMESTAMP + "." + raw body}. A request passes
 * when any {@code v1} matches (compared in constant time) and the timestamp is within the
 * tolerance of now (5 minutes, Stripe's default), which bounds replays.
 */
public final class StripeSignature {
    public static final Duration TOLERANCE = Duration.ofMinutes(5);

    /** Why a signature was refused; the webhook says so in its 400. */
    public enum Failure {
        MISSING,
        MALFORMED,
        NO_V1,
        TIMESTAMP_OUTSIDE_TOLERANCE,
        MISMATCH
    }

    /** A refused signature. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final Failure failure;

        Refused(Failure failure) {
            super(failure.name(), null, false, false);
            this.failure = failure;
        }

        public Failure failure() {
            return failure;
        }
    }

    private final byte[] secret;
    private final Clock clock;

    public StripeSignature(String secret, Clock clock) {
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.clock = clock;
    }

    /** Passes quietly or throws {@link Refused}. {@code payload} is the body exactly as received. */
    public void verify(String header, byte[] payload) throws Refused {
        if (header == null || header.isBlank()) throw new Refused(Failure.MISSING);
        Long timestamp = null;
        var signatures = new ArrayList<byte[]>();
        for (String part : header.split(",")) {
            int eq = part.indexOf('=');
            if (eq <= 0) throw new Refused(Failure.MALFORMED);
            String key = part.substring(0, eq).trim();
            String value = part.substring(eq + 1).trim();
            if (key.equals("t")) {
                timestamp = parseTimestamp(value);
            } else if (key.equals("v1")) {
                byte[] signature = parseHex(value);
                if (signature != null) signatures.add(signature);
            }
        }
        if (timestamp == null) throw new Refused(Failure.MALFORMED);
        if (signatures.isEmpty()) throw new Refused(Failure.NO_V1);
        long age = clock.instant().getEpochSecond() - timestamp;
        if (Math.abs(age) > TOLERANCE.toSeconds()) throw new Refused(Failure.TIMESTAMP_OUTSIDE_TOLERANCE);
        byte[] expected = sign(timestamp, payload);
        if (!anyMatches(signatures, expected)) throw new Refused(Failure.MISMATCH);
    }

    /** The v1 signature of a payload at a timestamp (what Stripe computes; tests sign with it). */
    public byte[] sign(long timestamp, byte[] payload) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
            return mac.doFinal(payload);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is always present", e);
        }
    }

    /** The header Stripe would send for this payload at this timestamp. */
    public String header(long timestamp, byte[] payload) {
        return "t=" + timestamp + ",v1=" + HexFormat.of().formatHex(sign(timestamp, payload));
    }

    private static boolean anyMatches(List<byte[]> candidates, byte[] expected) {
        boolean match = false;
        for (byte[] candidate : candidates) match |= MessageDigest.isEqual(candidate, expected);
        return match;
    }

    private static long parseTimestamp(String value) throws Refused {
        if (value.isEmpty() || value.length() > 12 || !value.chars().allMatch(Character::isDigit)) {
            throw new Refused(Failure.MALFORMED);
        }
        return Long.parseLong(value);
    }

    /** 64 lower-case hex digits, or null (a v1 that cannot match is skipped, as Stripe's libraries do). */
    private static byte[] parseHex(String value) {
        if (value.length() != 64) return null;
        try {
            return HexFormat.of().parseHex(value);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
