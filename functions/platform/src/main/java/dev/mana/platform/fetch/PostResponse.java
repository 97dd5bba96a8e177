package dev.mana.platform.fetch;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/**
 * What a guarded POST got back.
 *
 * @param status the HTTP status, whatever it is (redirects are not followed)
 * @param body the start of the response body as UTF-8, at most {@link #MAX_BODY_BYTES} bytes:
 *     enough to show a receiver's error, never a whole page
 */
public record PostResponse(int status, String body) {

    public static final int MAX_BODY_BYTES = 1024;

    /** A 2xx: the receiver took it. */
    public boolean successful() {
        return status >= 200 && status <= 299;
    }

    /**
     * The first bytes of a body. The status is what counts, so a body that stalls or breaks off
     * keeps what arrived instead of failing the whole request.
     */
    static String excerpt(InputStream body) {
        byte[] buffer = new byte[MAX_BODY_BYTES];
        int length = 0;
        try {
            for (int n; length < buffer.length && (n = body.read(buffer, length, buffer.length - length)) > 0; ) {
                length += n;
            }
        } catch (IOException e) {
            // keep what was read
        }
        return new String(buffer, 0, length, StandardCharsets.UTF_8);
    }
}
