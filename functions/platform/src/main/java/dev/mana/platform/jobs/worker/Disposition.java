package dev.mana.platform.jobs.worker;

import java.time.Duration;

/**
 * What becomes of a message after a worker handled it.
 *
 * @param visibility for {@link Action#RETRY}: when it is delivered again (0 for {@link
 *     Action#RETURN})
 */
public record Disposition(Action action, Duration visibility) {
    public static final Disposition DELETE = new Disposition(Action.DELETE, Duration.ZERO);
    public static final Disposition RETURN = new Disposition(Action.RETURN, Duration.ZERO);

    public static Disposition retry(Duration after) {
        return new Disposition(Action.RETRY, after);
    }

    /** The three ends of a message. */
    public enum Action {
        /** Done with (the job ended, or there is nothing to do): delete it. */
        DELETE,
        /** Deliver it again after {@code visibility} (transient failure, or a duplicate of a busy job). */
        RETRY,
        /** Give it back now (visibility 0): the worker is stopping. */
        RETURN
    }
}
