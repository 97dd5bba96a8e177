package dev.mana.platform.jobs.worker;

import dev.mana.platform.jobs.Job;
import java.util.Map;

/**
 * A kind's work. The runtime has claimed the job before calling, and ends it by the outcome: a
 * returned {@link Result} succeeds it (charging {@code credits}, at most the hold); a {@link
 * PermanentFailure} fails it (releasing the hold); any other exception is transient, retried by
 * redelivery with backoff and, after the queue's max receives, failed from the dead-letter queue.
 *
 * <p>Call {@link JobContext#checkpoint()} between units of work: it throws to stop the job when a
 * cancel was asked for or the worker is stopping (the runtime handles both). A job may run again
 * after a stop or a crash: skip what {@link JobContext#recorded()} already holds.
 */
@FunctionalInterface
public interface JobProcessor {
    Result process(Job job, JobContext context) throws Exception;

    /**
     * @param result the job's result: small JSON inline, or {@code {"s3Keys": [...]}}
     * @param credits what the job actually cost (capped at its hold)
     */
    record Result(Map<String, Object> result, long credits) {}
}
