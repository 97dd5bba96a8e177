package dev.mana.platform.jobs.worker;

import dev.mana.platform.Log;
import dev.mana.platform.jobs.Claim;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

/**
 * Runs one message's job through its kind's processor, in either mode ({@link SqsJobHandler} on
 * Lambda, {@link QueuePoller} on ECS), and says what to do with the message. The job moves only by
 * the store's conditional updates, so a message delivered twice does the work once: the second
 * copy finds the job busy (another lease) or ended. An ended job with a webhook is handed to the
 * end listener again then (it skips what it announced already), so a worker dying between ending
 * a job and announcing it loses no webhook.
 */
public final class Worker {
    private final JobStore store;
    private final JobItems items;
    private final Map<String, JobProcessor> processors;
    private final WorkerSettings settings;
    private final Consumer<Job> onEnd;
    private final ScheduledExecutorService heartbeats = Executors.newSingleThreadScheduledExecutor(r -> {
        var thread = new Thread(r, "job-heartbeat");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * @param processors by job kind
     * @param onEnd called with the job after it ended here (succeeded, failed, canceled): webhooks
     */
    public Worker(
            JobStore store,
            JobItems items,
            Map<String, JobProcessor> processors,
            WorkerSettings settings,
            Consumer<Job> onEnd) {
        this.store = store;
        this.items = items;
        this.processors = Map.copyOf(processors);
        this.settings = settings;
        this.onEnd = onEnd == null ? job -> {} : onEnd;
    }

    public WorkerSettings settings() {
        return settings;
    }

    /** Extends the visibility of the message being worked on (a heartbeat). */
    @FunctionalInterface
    public interface Visibility {
        void extend(Duration visibility);
    }

    /**
     * Handles one delivery.
     *
     * @param receiveCount the message's {@code ApproximateReceiveCount} (for backoff)
     * @param stopping true once the worker should stop: the job stops at its next checkpoint
     */
    public Disposition handle(String body, int receiveCount, Visibility visibility, BooleanSupplier stopping) {
        var message = JobMessage.parse(body);
        if (message.isEmpty()) {
            Log.warn("job message names no job; dropped", "body", body.length() > 200 ? body.substring(0, 200) : body);
            return Disposition.DELETE;
        }
        String jobId = message.get().jobId();
        Claim claim = store.start(jobId, settings.workerId(), settings.visibility());
        switch (claim.outcome()) {
            case MISSING -> {
                return Disposition.DELETE;
            }
            case FINISHED -> {
                // Its worker may have died after ending it and before announcing it: announce it
                // (the listener skips what was announced already), so webhooks are at-least-once.
                if (claim.job().webhook() != null) announce(claim.job());
                return Disposition.DELETE;
            }
            case BUSY -> {
                return Disposition.retry(max(claim.retryAfter(), Duration.ofSeconds(1)));
            }
            default -> {}
        }
        Job job = claim.job();
        try {
            if (job.cancelRequested()) return canceled(job);
            var processor = processors.get(job.kind());
            if (processor == null) {
                return failed(
                        job,
                        PermanentFailure.problem(
                                "unknown_kind", 422, "No worker runs jobs of kind " + job.kind() + "."));
            }
            var beat = heartbeats.scheduleAtFixedRate(
                    () -> beat(jobId, visibility),
                    settings.heartbeat().toMillis(),
                    settings.heartbeat().toMillis(),
                    TimeUnit.MILLISECONDS);
            try {
                var context = new JobContext(
                        store,
                        items,
                        job,
                        settings.workerId(),
                        settings.visibility(),
                        message.get().payload(),
                        stopping);
                var result = processor.process(job, context);
                if (store.succeed(job, result.result(), result.credits())) ended(job.id());
                return Disposition.DELETE;
            } finally {
                beat.cancel(false);
            }
        } catch (JobInterrupted interrupted) {
            return switch (interrupted.why()) {
                case CANCELED -> canceled(job);
                case STOPPING -> {
                    store.letGo(jobId, settings.workerId());
                    yield Disposition.RETURN;
                }
                // Another worker has it: let the message come back once that lease has run out.
                case LEASE_LOST -> Disposition.retry(settings.visibility());
            };
        } catch (PermanentFailure failure) {
            return failed(job, failure.problem());
        } catch (Exception transientError) {
            Duration delay = settings.backoff(receiveCount);
            Log.error(
                    "job attempt failed; retrying",
                    transientError,
                    "jobId",
                    jobId,
                    "receiveCount",
                    receiveCount,
                    "retryInSeconds",
                    delay.toSeconds());
            store.letGo(jobId, settings.workerId());
            return Disposition.retry(delay);
        }
    }

    private void beat(String jobId, Visibility visibility) {
        try {
            visibility.extend(settings.visibility());
            store.heartbeat(jobId, settings.workerId(), settings.visibility());
        } catch (RuntimeException e) {
            Log.error("heartbeat failed", e, "jobId", jobId);
        }
    }

    private Disposition canceled(Job job) {
        if (store.markCanceled(job)) ended(job.id());
        return Disposition.DELETE;
    }

    private Disposition failed(Job job, Map<String, Object> problem) {
        if (store.fail(job, problem)) ended(job.id());
        return Disposition.DELETE;
    }

    private void ended(String jobId) {
        store.find(jobId).ifPresent(this::announce);
    }

    private void announce(Job job) {
        try {
            onEnd.accept(job);
        } catch (RuntimeException e) {
            Log.error("job end listener failed", e, "jobId", job.id());
        }
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
