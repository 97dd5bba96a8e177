package dev.mana.platform.fetch;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Picks the charset of a body in the order of the HTML encoding-sniffing algorithm: a BOM wins,
 * then the Content-Type charset, then a {@code <meta charset>} or http-equiv in the first bytes,
 * then UTF-8 when the bytes are valid UTF-8, else windows-1252 (the WHATWG default for an
 * undeclared page that is not UTF-8). The fetcher decodes with it, and so does every tool that
 * reads pages from disk, so a page reads the same either way.
 */
public final class CharsetSniffer {

    private static final int PRESCAN_BYTES = 4096;
    private static final Pattern META_CHARSET =
            Pattern.compile("<meta[^>]+charset\\s*=\\s*[\"']?\\s*([A-Za-z0-9_.:-]+)", Pattern.CASE_INSENSITIVE);

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CharsetSniffer() {}

    /** The charset found, and how many BOM bytes to skip. */
    public record Sniffed(Charset charset, int bomLength) {

        /** The body as text: decoded with the charset, the BOM left out. */
        public String decode(byte[] body, int length) {
            return new String(body, bomLength, length - bomLength, charset);
        }
    }

    /** The text of a page's bytes read without any HTTP header (a file, an archive). */
    public static String decode(byte[] body) {
        return sniff(body, body.length, null).decode(body, body.length);
    }

    /**
     * @param headerCharset the Content-Type header's charset parameter; null when there is none
     */
    public static Sniffed sniff(byte[] body, int length, String headerCharset) {
        if (length >= 3 && (body[0] & 0xFF) == 0xEF && (body[1] & 0xFF) == 0xBB && (body[2] & 0xFF) == 0xBF) {
            return new Sniffed(StandardCharsets.UTF_8, 3);
        }
        if (length >= 2 && (body[0] & 0xFF) == 0xFE && (body[1] & 0xFF) == 0xFF) {
            return new Sniffed(StandardCharsets.UTF_16BE, 2);
        }
        if (length >= 2 && (body[0] & 0xFF) == 0xFF && (body[1] & 0xFF) == 0xFE) {
            return new Sniffed(StandardCharsets.UTF_16LE, 2);
        }
        Charset fromHeader = lookup(headerCharset);
        if (fromHeader != null) {
            return new Sniffed(fromHeader, 0);
        }
        String head = new String(body, 0, Math.min(length, PRESCAN_BYTES), StandardCharsets.ISO_8859_1);
        Matcher m = META_CHARSET.matcher(head);
        if (m.find()) {
            Charset fromMeta = lookup(m.group(1));
            // A page can't be UTF-16 if its ASCII-compatible meta tag was readable.
            if (fromMeta != null && !fromMeta.name().startsWith("UTF-16")) {
                return new Sniffed(fromMeta, 0);
            }
        }
        return new Sniffed(isUtf8(body, length) ? StandardCharsets.UTF_8 : WINDOWS_1252, 0);
    }

    private static boolean isUtf8(byte[] body, int length) {
        try {
            StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body, 0, length));
            return true;
        } catch (CharacterCodingException e) {
            return false;
        }
    }

    static Charset lookup(String name) {
        if (name == null || name.isBlank()) {
            return null;
        }
        String n = name.trim().toLowerCase(Locale.ROOT);
        // The web treats Latin-1 and ASCII labels as windows-1252 (WHATWG Encoding Standard).
        if (n.equals("iso-8859-1") || n.equals("latin1") || n.equals("us-ascii") || n.equals("ascii")) {
            n = "windows-1252";
        }
        try {
            return Charset.forName(n);
        } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
            return null;
        }
    }
}
