package dev.mana.platform.fetch;

import java.io.IOException;

/** Thrown from inside a stream when the body passes the cap, so the read is abandoned at once. */
final class TooLargeException extends IOException {
    TooLargeException(long limit) {
        super("body exceeds " + limit + " bytes");
    }
}
