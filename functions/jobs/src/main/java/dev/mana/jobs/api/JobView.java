package dev.mana.jobs.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.mana.platform.jobs.Job;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A job as the API shows it. Absent parts (no result yet, no error, no webhook, no items) are
 * left out.
 *
 * @param resultFiles presigned GET URLs of a result kept in S3
 * @param items one page of a batch job's per-item results
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record JobView(
        String id,
        String object,
        String kind,
        String status,
        Job.Progress progress,
        Map<String, Object> input,
        Map<String, Object> result,
        List<ResultLinks.Link> resultFiles,
        Map<String, Object> error,
        Job.Credits credits,
        Job.Webhook webhook,
        boolean cancelRequested,
        int attempts,
        Instant createdAt,
        Instant startedAt,
        Instant finishedAt,
        Instant expiresAt,
        Map<String, String> links,
        ItemsPage items) {

    /** A page of items. @param nextCursor pass it as {@code ?itemsCursor=}; null on the last page */
    public record ItemsPage(List<Map<String, Object>> data, String nextCursor) {}

    /** The job without presigned URLs or items: what lists and cancels show. */
    public static JobView summary(Job job) {
        return of(job, job.result(), null, null);
    }

    static JobView of(Job job, Map<String, Object> result, List<ResultLinks.Link> files, ItemsPage items) {
        var links = new LinkedHashMap<String, String>();
        links.put("self", "/v1/jobs/" + job.id());
        if (!job.status().terminal()) links.put("cancel", "/v1/jobs/" + job.id());
        return new JobView(
                job.id(),
                "job",
                job.kind(),
                job.status().wire(),
                job.progress(),
                job.input(),
                result,
                files,
                job.error(),
                job.credits(),
                job.webhook(),
                job.cancelRequested(),
                job.attempts(),
                job.createdAt(),
                job.startedAt(),
                job.finishedAt(),
                job.expiresAt(),
                links,
                items);
    }
}
