package dev.mana.extract.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;

/**
 * Many URLs at once: each distinct page extracted once, at most {@code parallelism} at a time on
 * virtual threads, all within one time budget (so a bulk request ends before the gateway's 29 s).
 * Every URL gets its own outcome, in input order; one failing URL never fails the others.
 */
public final class BulkExtraction {

    /** One URL's outcome: an answer or a problem. */
    public record Outcome(ExtractResult result, ApiException problem) {
        public boolean ok() {
            return result != null;
        }
    }

    private final PageExtraction extraction;
    private final int parallelism;
    private final Duration budget;

    public BulkExtraction(PageExtraction extraction, int parallelism, Duration budget) {
        this.extraction = extraction;
        this.parallelism = parallelism;
        this.budget = budget;
    }

    public List<Outcome> extractAll(List<String> urls, ExtractSettings settings) {
        long deadline = System.nanoTime() + budget.toNanos();
        List<RequestedUrl> checked = new ArrayList<>();
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Integer> firstIndex = new LinkedHashMap<>();
        for (int i = 0; i < urls.size(); i++) {
            try {
                RequestedUrl url = RequestedUrl.check(urls.get(i), field(i));
                checked.add(url);
                firstIndex.putIfAbsent(url.normalized(), i);
                outcomes.add(null);
            } catch (ApiException e) {
                checked.add(null);
                outcomes.add(new Outcome(null, e));
            }
        }
        Semaphore slots = new Semaphore(parallelism);
        Map<Integer, Future<Outcome>> running = new LinkedHashMap<>();
        try (ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor()) {
            for (int i : firstIndex.values()) {
                RequestedUrl url = checked.get(i);
                String field = field(i);
                running.put(i, threads.submit(() -> one(url, settings, field, slots, deadline)));
            }
            for (int i = 0; i < urls.size(); i++) {
                if (outcomes.get(i) == null) {
                    int first = firstIndex.get(checked.get(i).normalized());
                    outcomes.set(i, forIndex(await(running.get(first)), checked.get(i), i));
                }
            }
        }
        return outcomes;
    }

    private Outcome one(RequestedUrl url, ExtractSettings settings, String field, Semaphore slots, long deadline)
            throws InterruptedException {
        slots.acquire();
        try {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs < 250) {
                return new Outcome(
                        null,
                        new ApiException(
                                        ErrorCode.UPSTREAM_TIMEOUT,
                                        "The bulk request's time budget ran out before this URL was fetched;"
                                                + " send it again.")
                                .with("reason", "timeout"));
            }
            Duration timeout = Duration.ofMillis(Math.min(settings.timeout().toMillis(), leftMs));
            return new Outcome(extraction.extract(url, settings.withTimeout(timeout), field), null);
        } catch (ApiException e) {
            return new Outcome(null, e);
        } catch (RuntimeException | StackOverflowError e) {
            Log.error("bulk extraction failed", e, "url", url.raw());
            return new Outcome(
                    null,
                    new ApiException(
                            ErrorCode.INTERNAL,
                            "This URL could not be extracted because of an error on our side; quote the requestId."));
        } finally {
            slots.release();
        }
    }

    /** A shared outcome as index {@code i} sees it: its own spelling of the URL, its own field. */
    private static Outcome forIndex(Outcome shared, RequestedUrl url, int i) {
        if (shared.ok()) {
            return new Outcome(shared.result().withUrl(url.raw()), null);
        }
        ApiException problem = shared.problem();
        return new Outcome(null, problem.extensions().containsKey("field") ? problem.with("field", field(i)) : problem);
    }

    private static Outcome await(Future<Outcome> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulk extraction task failed", e.getCause());
        }
    }

    public static String field(int index) {
        return "urls[" + index + "]";
    }
}
