package dev.mana.platform.jwt;

import java.util.Base64;

/** JOSE's base64url without padding (RFC 7515 section 2); decoding refuses padding and other alphabets. */
final class Base64Url {
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private Base64Url() {}

    static String encode(byte[] bytes) {
        return ENCODER.encodeToString(bytes);
    }

    /** The bytes, or null when the text is not strict unpadded base64url. */
    static byte[] decode(String text) {
        if (text.indexOf('=') >= 0) return null;
        try {
            return DECODER.decode(text);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
