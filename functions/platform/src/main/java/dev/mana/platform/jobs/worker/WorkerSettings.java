package dev.mana.platform.jobs.worker;

import java.time.Duration;
import java.util.UUID;

/**
 * How a {@link Worker} behaves.
 *
 * @param workerId names this worker's leases (unique per process)
 * @param visibility the queue's visibility timeout: the lease a worker takes on a job, renewed by
 *     heartbeats, and what each heartbeat sets the message's visibility to
 * @param heartbeat how often a running job's lease and message visibility are renewed (well
 *     under {@code visibility})
 * @param backoffBase the first retry delay of a transient failure, doubled per receive
 * @param backoffMax the largest retry delay (SQS allows 12 hours)
 */
public record WorkerSettings(
        String workerId, Duration visibility, Duration heartbeat, Duration backoffBase, Duration backoffMax) {

    /** Production: the template's 5,400 s visibility, heartbeats every 60 s, retries from 30 s to 15 min. */
    public static WorkerSettings defaults() {
        return new WorkerSettings(
                "wrk-" + UUID.randomUUID(),
                Duration.ofSeconds(5400),
                Duration.ofSeconds(60),
                Duration.ofSeconds(30),
                Duration.ofMinutes(15));
    }

    public WorkerSettings withTimings(Duration newVisibility, Duration newHeartbeat, Duration base, Duration max) {
        return new WorkerSettings(workerId, newVisibility, newHeartbeat, base, max);
    }

    /** The delay before the {@code receiveCount}-th delivery is retried. */
    public Duration backoff(int receiveCount) {
        int doublings = Math.max(0, Math.min(receiveCount - 1, 20));
        long seconds = backoffBase.toSeconds() << doublings;
        return Duration.ofSeconds(Math.min(seconds, backoffMax.toSeconds()));
    }
}
