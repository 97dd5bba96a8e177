package dev.mana.platform.fetch;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.time.Duration;

/** The instant a whole fetch, all redirects included, must be done by. */
record Deadline(long endNanos) {

    static Deadline after(Duration timeout) {
        return new Deadline(System.nanoTime() + timeout.toNanos());
    }

    boolean passed() {
        return endNanos - System.nanoTime() <= 0;
    }

    /** Milliseconds left, at least 1 (0 would mean "no timeout" to a socket). */
    int remainingMillis() throws FetchFailure {
        long left = endNanos - System.nanoTime();
        if (left <= 0) {
            throw new FetchFailure(Reason.TIMEOUT, "the fetch timed out");
        }
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, left / 1_000_000));
    }
}
