package dev.mana.jobs.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The full view of one job: a result's {@code s3Keys} become presigned {@code resultFiles}; a batch
 * job's items are paged, and an item kept in S3 ({@code s3Key}) gets a presigned {@code resultUrl}.
 */
public final class JobViews {
    private final JobItems items;
    private final ResultLinks links;

    public JobViews(JobItems items, ResultLinks links) {
        this.items = items;
        this.links = links;
    }

    JobView full(Job job, String itemsCursor, int itemsLimit) {
        Map<String, Object> result = job.result();
        List<ResultLinks.Link> files = null;
        if (result != null && result.get("s3Keys") instanceof List<?> keys) {
            files = keys.stream()
                    .map(k -> links.link(job.id(), k))
                    .filter(Objects::nonNull)
                    .toList();
            result = new LinkedHashMap<>(result);
            result.remove("s3Keys");
        }
        return JobView.of(
                job, result, files, JobKinds.BATCH.contains(job.kind()) ? page(job, itemsCursor, itemsLimit) : null);
    }

    private JobView.ItemsPage page(Job job, String cursor, int limit) {
        if (limit < 1 || limit > 1000) {
            throw new ApiException(ErrorCode.INVALID_PARAMETER, "The itemsLimit must be from 1 to 1000.")
                    .with("parameter", "itemsLimit");
        }
        JobItems.ItemPage page;
        try {
            page = items.page(job.id(), cursor, limit);
        } catch (ApiException e) {
            throw new ApiException(
                            ErrorCode.INVALID_PARAMETER,
                            "The itemsCursor is not valid; pass back items.nextCursor of a previous answer, unchanged.")
                    .with("parameter", "itemsCursor");
        }
        var data = new ArrayList<Map<String, Object>>();
        for (var item : page.items()) data.add(item(job, item));
        return new JobView.ItemsPage(data, page.nextCursor());
    }

    private Map<String, Object> item(Job job, JobItems.ItemResult item) {
        var view = new LinkedHashMap<String, Object>();
        view.put("index", item.index());
        view.put("ok", item.ok());
        if (item.result() != null) {
            var result = new LinkedHashMap<>(item.result());
            Object key = result.remove("s3Key");
            if (key != null) {
                var link = links.link(job.id(), key);
                if (link != null) {
                    result.put("resultUrl", link.url());
                    result.put("resultUrlExpiresAt", link.expiresAt());
                }
            }
            view.put("result", result);
        }
        if (item.error() != null) view.put("error", item.error());
        return view;
    }
}
