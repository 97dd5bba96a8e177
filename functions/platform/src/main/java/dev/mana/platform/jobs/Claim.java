package dev.mana.platform.jobs;

import java.time.Duration;

/**
 * What {@link JobStore#start} found: whether this worker may do the job now.
 *
 * @param job the job as it is after the call; null for {@link Outcome#MISSING}
 * @param retryAfter for {@link Outcome#BUSY}: when the other worker's lease runs out
 */
public record Claim(Outcome outcome, Job job, Duration retryAfter) {

    /** The answer to "may I work on this job?". */
    public enum Outcome {
        /** Queued until now: this worker starts it. */
        STARTED,
        /** Running, but its worker's lease ran out (it died or stopped): this worker takes it over. */
        RESUMED,
        /** Another worker holds a live lease on it: leave it (a duplicate delivery). */
        BUSY,
        /** It has ended (or was canceled): nothing to do. */
        FINISHED,
        /** No such job (expired, or never created): nothing to do. */
        MISSING
    }

    public boolean mayWork() {
        return outcome == Outcome.STARTED || outcome == Outcome.RESUMED;
    }
}
