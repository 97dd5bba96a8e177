package dev.mana.platform.jobs;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * One job as {@link JobStore} keeps it.
 *
 * @param id {@code job_...}
 * @param kind what the job does ({@code extract-batch}, {@code stt}, ...): which processor runs it
 * @param input a small summary of the request (what {@code GET /v1/jobs/{id}} shows), not the
 *     whole input
 * @param result set on success: small JSON inline, or {@code {"s3Keys": [...]}} for large results
 *     the route presigns
 * @param error set on failure: a problem object ({@code type, title, status, detail, code})
 * @param holdId the credits hold ({@code hld_...}); null for a job created without one
 * @param webhook where to announce the job's end; null for none
 * @param expiresAt when the job and its results are gone (7 days after creation, then 7 days
 *     after it ends); reads treat an expired job as absent
 * @param cancelRequested a cancel arrived while the job ran: it stops at its next checkpoint
 * @param attempts how many times a worker started it
 */
public record Job(
        String id,
        String accountId,
        String kind,
        JobStatus status,
        Progress progress,
        Map<String, Object> input,
        Map<String, Object> result,
        Map<String, Object> error,
        Credits credits,
        String holdId,
        Webhook webhook,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant expiresAt,
        boolean cancelRequested,
        int attempts) {

    /**
     * How far a job is.
     *
     * @param percent 0 to 100
     * @param done items finished (successfully or not)
     * @param total items in all; 0 when the job has no items
     * @param failed items of {@code done} that failed
     */
    public record Progress(int percent, long done, long total, long failed) {
        public static final Progress NONE = new Progress(0, 0, 0, 0);

        public Progress {
            if (percent < 0 || percent > 100) throw new IllegalArgumentException("percent must be 0 to 100");
        }

        /** Counts, with the percent they make. */
        public static Progress of(long done, long total, long failed) {
            int percent = total <= 0 ? 0 : (int) Math.min(100, done * 100 / total);
            return new Progress(percent, done, total, failed);
        }
    }

    /**
     * The job's credits.
     *
     * @param held reserved at creation (the estimate)
     * @param charged taken when it succeeded
     * @param refunded given back when it ended (held − charged)
     */
    public record Credits(long held, long charged, long refunded) {}

    /**
     * Where the job's end is announced (Standard Webhooks).
     *
     * @param events which events to send ({@code job.succeeded}, ...); empty for all
     * @param metadata echoed in every delivery
     */
    public record Webhook(String url, List<String> events, Map<String, Object> metadata) {
        public Webhook {
            events = events == null ? List.of() : List.copyOf(events);
            metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
        }

        public boolean wants(String event) {
            return events.isEmpty() || events.contains(event);
        }
    }
}
