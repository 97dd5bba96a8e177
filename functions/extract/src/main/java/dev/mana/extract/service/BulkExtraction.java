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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

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

    /** Past the budget, how long a URL's extraction may still finish its work. */
    static final Duration GRACE = Duration.ofMillis(500);

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
        // Not try-with-resources: close() would wait for every task, however long a peer holds one.
        ExecutorService threads = Executors.newVirtualThreadPerTaskExecutor();
        try {
            for (int i : firstIndex.values()) {
                RequestedUrl url = checked.get(i);
                String field = field(i);
                running.put(i, threads.submit(() -> one(url, settings, field, slots, deadline)));
            }
            for (int i = 0; i < urls.size(); i++) {
                if (outcomes.get(i) == null) {
                    int first = firstIndex.get(checked.get(i).normalized());
                    outcomes.set(i, forIndex(await(running.get(first), deadline), checked.get(i), i));
                }
            }
        } finally {
            threads.shutdownNow();
        }
        return outcomes;
    }

    private Outcome one(RequestedUrl url, ExtractSettings settings, String field, Semaphore slots, long deadline)
            throws InterruptedException {
        slots.acquire();
        try {
            long leftMs = (deadline - System.nanoTime()) / 1_000_000;
            if (leftMs < 250) {
                return new Outcome(null, budgetSpent());
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

    /**
     * The task's outcome, waiting no later than the budget's end plus {@link #GRACE} (the fetch
     * itself ends at its deadline; the grace covers extracting what arrived just before it). A
     * task still running then is abandoned and its URL answered as timed out, uncharged.
     */
    private static Outcome await(Future<Outcome> future, long deadline) {
        try {
            long waitNanos = Math.max(0, deadline - System.nanoTime()) + GRACE.toNanos();
            return future.get(waitNanos, TimeUnit.NANOSECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            return new Outcome(null, budgetSpent());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("bulk extraction task failed", e.getCause());
        }
    }

    private static ApiException budgetSpent() {
        return new ApiException(
                        ErrorCode.UPSTREAM_TIMEOUT,
                        "The bulk request's time budget ran out before this URL was done; send it again.")
                .with("reason", "timeout");
    }

    public static String field(int index) {
        return "urls[" + index + "]";
    }
}
