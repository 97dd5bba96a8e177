package dev.mana.extract.batch;

import dev.mana.extract.service.ExtractSettings;
import dev.mana.extract.service.PageExtraction;
import dev.mana.extract.service.RequestedUrl;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import dev.mana.platform.Problems;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobItems.ItemResult;
import dev.mana.platform.jobs.worker.JobContext;
import dev.mana.platform.jobs.worker.JobProcessor;
import dev.mana.platform.jobs.worker.PermanentFailure;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;

/**
 * The {@code extract-batch} kind: extracts each URL through the same {@link PageExtraction} as the
 * API (cache, guarded fetch), {@code parallelism} at a time. Each URL's answer or problem is
 * recorded as its item; between rounds it reports progress, which is also its checkpoint (a cancel
 * stops it there, releasing the whole hold). A resumed job skips the items already recorded. The
 * job is charged one credit per URL extracted; the rest of the hold is released.
 */
public final class BatchExtractProcessor implements JobProcessor {
    public static final String KIND = "extract-batch";

    private final PageExtraction extraction;
    private final BatchInputs inputs;
    private final ItemStorage storage;
    private final JobItems items;
    private final Function<Map<String, Object>, ExtractSettings> settings;
    private final int parallelism;

    /** @param settings the options of the request (validated by the route) to extraction settings */
    public BatchExtractProcessor(
            PageExtraction extraction,
            BatchInputs inputs,
            ItemStorage storage,
            JobItems items,
            Function<Map<String, Object>, ExtractSettings> settings,
            int parallelism) {
        this.extraction = extraction;
        this.inputs = inputs;
        this.storage = storage;
        this.items = items;
        this.settings = settings;
        this.parallelism = parallelism;
    }

    @Override
    public Result process(Job job, JobContext context) throws PermanentFailure {
        BatchInputs.BatchInput input;
        ExtractSettings extractSettings;
        try {
            input = inputs.read(job, context.payload());
            extractSettings = settings.apply(input.options());
        } catch (IllegalArgumentException | ApiException e) {
            // Cannot happen for a job the route queued: a message sent by hand, or a bug. Retrying will not help.
            throw new PermanentFailure("invalid_job", 422, "The job's URLs or options could not be read.");
        }
        List<String> urls = input.urls();
        var recorded = context.recorded();
        long succeeded = recorded.isEmpty() ? 0 : earlierSuccesses(job.id());
        long failed = recorded.size() - succeeded;
        List<Integer> pending = new ArrayList<>();
        for (int i = 0; i < urls.size(); i++) if (!recorded.contains(i)) pending.add(i);
        context.progress(recorded.size(), urls.size(), failed);
        try (var threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int from = 0; from < pending.size(); from += parallelism) {
                var round = pending.subList(from, Math.min(pending.size(), from + parallelism));
                var futures = new ArrayList<Future<ItemResult>>();
                for (int index : round) {
                    futures.add(threads.submit(() -> one(job, index, urls.get(index), extractSettings)));
                }
                for (var future : futures) {
                    ItemResult item = await(future);
                    context.record(item);
                    if (item.ok()) succeeded++;
                    else failed++;
                }
                context.progress(succeeded + failed, urls.size(), failed);
            }
        }
        var result = new LinkedHashMap<String, Object>();
        result.put("total", urls.size());
        result.put("succeeded", succeeded);
        result.put("failed", failed);
        return new Result(result, succeeded);
    }

    private ItemResult one(Job job, int index, String raw, ExtractSettings extractSettings) {
        String field = "urls[" + index + "]";
        try {
            var url = RequestedUrl.check(raw, field);
            return ItemResult.success(
                    index, storage.store(job, index, extraction.extract(url, extractSettings, field)));
        } catch (ApiException e) {
            return ItemResult.failure(index, problem(e, raw, job.id()));
        } catch (RuntimeException | StackOverflowError e) {
            Log.error("batch item failed", e, "jobId", job.id(), "index", index);
            var internal = new ApiException(
                    ErrorCode.INTERNAL, "This URL could not be extracted because of an error on our side.");
            return ItemResult.failure(index, problem(internal, raw, job.id()));
        }
    }

    private long earlierSuccesses(String jobId) {
        long ok = 0;
        String cursor = null;
        do {
            var page = items.page(jobId, cursor, 1000);
            ok += page.items().stream().filter(ItemResult::ok).count();
            cursor = page.nextCursor();
        } while (cursor != null);
        return ok;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> problem(ApiException error, String url, String jobId) {
        try {
            var problem = new LinkedHashMap<String, Object>();
            problem.put("url", url);
            problem.putAll(
                    Json.mapper().readValue(Problems.render(error, jobId, null).body(), Map.class));
            problem.remove("requestId");
            return problem;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ItemResult await(Future<ItemResult> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("batch extraction task failed", e.getCause());
        }
    }
}
