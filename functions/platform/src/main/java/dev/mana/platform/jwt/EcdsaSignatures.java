package dev.mana.platform.jwt;

import java.math.BigInteger;
import java.util.Arrays;

/**
 * Converts ECDSA signatures between ASN.1 DER (what KMS and the JDK's plain ECDSA give) and
 * the fixed-width R||S form JOSE requires (RFC 7518 section 3.4: 64 bytes for ES256).
 */
public final class EcdsaSignatures {
    private EcdsaSignatures() {}

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
