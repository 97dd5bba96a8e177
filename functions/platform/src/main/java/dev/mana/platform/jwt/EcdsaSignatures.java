package dev.mana.platform.jwt;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between ASN.1 DER (what KMS and the JDK's plain ECDSA give) and
 * the fixed-width R||S form JOSE requires (RFC 7518 section 3.4: 64 bytes for ES256).
 */
public final class EcdsaSignatures {
    /** The order n of P-256 (FIPS 186-4, D.1.2.3). */
    static final BigInteger P256_ORDER =
            new BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);

    private static final BigInteger HALF_ORDER = P256_ORDER.shiftRight(1);

    private EcdsaSignatures() {}

    /**
     * The low-S form of an ES256 R||S signature: (r, s) and (r, n - s) both verify, so a signer
     * that left s above n/2 would let anyone make a second valid token from a first. Signers
     * normalize; the verifier accepts only the low form, so each token has one spelling.
     */
    public static byte[] lowS(byte[] jose) {
        BigInteger s = new BigInteger(1, Arrays.copyOfRange(jose, 32, 64));
        if (s.compareTo(HALF_ORDER) <= 0) return jose;
        byte[] out = Arrays.copyOf(jose, 64);
        Arrays.fill(out, 32, 64, (byte) 0);
        place(P256_ORDER.subtract(s), out, 32, 32);
        return out;
    }

    /** Whether the ES256 R||S signature's s is at most n/2. */
    public static boolean isLowS(byte[] jose) {
        return new BigInteger(1, Arrays.copyOfRange(jose, 32, 64)).compareTo(HALF_ORDER) <= 0;
    }

    /** DER {@code SEQUENCE { INTEGER r, INTEGER s }} to R||S, each left-padded to {@code width} bytes. */
    public static byte[] derToJose(byte[] der, int width) {
        int[] at = {0};
        expect(der, at, 0x30);
        int length = length(der, at);
        if (at[0] + length != der.length) throw new IllegalArgumentException("DER signature has trailing bytes");
        BigInteger r = integer(der, at);
        BigInteger s = integer(der, at);
        if (at[0] != der.length) throw new IllegalArgumentException("DER signature has trailing bytes");
        byte[] out = new byte[2 * width];
        place(r, out, 0, width);
        place(s, out, width, width);
        return out;
    }

    private static BigInteger integer(byte[] der, int[] at) {
        expect(der, at, 0x02);
        int length = length(der, at);
        if (length == 0 || at[0] + length > der.length) throw new IllegalArgumentException("bad DER integer");
        BigInteger value = new BigInteger(1, Arrays.copyOfRange(der, at[0], at[0] + length));
        at[0] += length;
        return value;
    }

    private static void place(BigInteger value, byte[] out, int offset, int width) {
        byte[] bytes = value.toByteArray();
        int start = bytes.length > width ? bytes.length - width : 0; // drop the sign byte
        if (bytes.length - start > width || (start > 0 && bytes[0] != 0)) {
            throw new IllegalArgumentException("DER integer wider than " + width + " bytes");
        }
        int copy = bytes.length - start;
        System.arraycopy(bytes, start, out, offset + width - copy, copy);
    }

    private static void expect(byte[] der, int[] at, int tag) {
        if (at[0] >= der.length || (der[at[0]] & 0xff) != tag) throw new IllegalArgumentException("bad DER tag");
        at[0]++;
    }

    private static int length(byte[] der, int[] at) {
        if (at[0] >= der.length) throw new IllegalArgumentException("truncated DER");
        int first = der[at[0]++] & 0xff;
        if (first < 0x80) return first;
        if (first != 0x81 || at[0] >= der.length) throw new IllegalArgumentException("unsupported DER length");
        return der[at[0]++] & 0xff;
    }
}
