package dev.mana.platform.fetch;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import java.util.zip.GZIPInputStream;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;
import org.brotli.dec.BrotliInputStream;

/** Undoes Content-Encoding: gzip, deflate (zlib or raw, both seen in the wild) and br. */
final class ContentDecoding {

    /** What the fetcher advertises; every name here is decodable below. */
    static final String ACCEPT_ENCODING = "gzip, deflate, br";

    private ContentDecoding() {}

    static InputStream decode(InputStream body, String contentEncoding) throws IOException {
        if (contentEncoding == null || contentEncoding.isBlank()) {
            return body;
        }
        String[] codings = contentEncoding.toLowerCase(Locale.ROOT).split(",");
        InputStream decoded = body;
        // Codings are listed in the order they were applied, so they are undone last first.
        for (int i = codings.length - 1; i >= 0; i--) {
            decoded = decodeOne(decoded, codings[i].trim());
        }
        return decoded;
    }

    private static InputStream decodeOne(InputStream in, String coding) throws IOException {
        return switch (coding) {
            case "", "identity" -> in;
            case "gzip", "x-gzip" -> new GZIPInputStream(in, 8192);
            case "br" -> new BrotliInputStream(in);
            case "deflate" -> inflate(in);
            default -> throw new IOException("unsupported content encoding: " + coding);
        };
    }

    private static InputStream inflate(InputStream in) throws IOException {
        BufferedInputStream buffered = new BufferedInputStream(in);
        buffered.mark(2);
        int first = buffered.read();
        int second = buffered.read();
        buffered.reset();
        // A zlib header is CMF (0x?8) and FLG with (CMF*256 + FLG) % 31 == 0; else it is raw.
        boolean zlib = first >= 0 && second >= 0 && (first & 0x0F) == 8 && ((first << 8) | second) % 31 == 0;
        return new InflaterInputStream(buffered, new Inflater(!zlib), 8192);
    }
}
