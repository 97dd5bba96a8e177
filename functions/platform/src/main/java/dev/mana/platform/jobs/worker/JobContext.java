package dev.mana.platform.jobs.worker;

import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;
import java.time.Duration;
import java.util.Map;
import java.util.SortedSet;
import java.util.function.BooleanSupplier;

/** What a processor may do while it works: checkpoints, progress, item results. */
public final class JobContext {
    private final JobStore store;
    private final JobItems items;
    private final Job job;
    private final String workerId;
    private final Duration lease;
    private final Map<String, Object> payload;
    private final BooleanSupplier stopping;

    JobContext(
            JobStore store,
            JobItems items,
            Job job,
            String workerId,
            Duration lease,
            Map<String, Object> payload,
            BooleanSupplier stopping) {
        this.store = store;
        this.items = items;
        this.job = job;
        this.workerId = workerId;
        this.lease = lease;
        this.payload = payload;
        this.stopping = stopping;
    }

    /** What the queue message carried for the processor. */
    public Map<String, Object> payload() {
        return payload;
    }

    /**
     * A point where the job may stop: renews this worker's lease and throws (for the runtime to
     * handle) if a cancel was asked for, the worker is stopping, or another worker took the job.
     */
    public void checkpoint() {
        if (stopping.getAsBoolean()) throw new JobInterrupted(JobInterrupted.Why.STOPPING);
        check(store.heartbeat(job.id(), workerId, lease));
    }

    /** Records progress; a checkpoint too. */
    public void progress(long done, long total, long failed) {
        if (stopping.getAsBoolean()) throw new JobInterrupted(JobInterrupted.Why.STOPPING);
        check(store.progress(job.id(), workerId, Job.Progress.of(done, total, failed)));
    }

    /** Records one item's result (a batch job), kept as long as the job. */
    public void record(JobItems.ItemResult result) {
        items.record(job, result);
    }

    /** The item indexes recorded by earlier runs of this job, to skip on a resume. */
    public SortedSet<Integer> recorded() {
        return items.recorded(job.id());
    }

    /** Whether the worker is stopping (the processor may also just call {@link #checkpoint()}). */
    public boolean stopRequested() {
        return stopping.getAsBoolean();
    }

    private static void check(java.util.Optional<Job> now) {
        if (now.isEmpty()) throw new JobInterrupted(JobInterrupted.Why.LEASE_LOST);
        if (now.get().cancelRequested()) throw new JobInterrupted(JobInterrupted.Why.CANCELED);
    }
}
