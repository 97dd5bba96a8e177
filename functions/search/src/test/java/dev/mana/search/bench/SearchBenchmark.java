package dev.mana.search.bench;

import dev.mana.search.MetaSearch;
import dev.mana.search.SearchOptions;
import dev.mana.search.SearchRequest;
import dev.mana.search.SearchResponse;
import dev.mana.search.testing.InMemorySearchCache;
import dev.mana.search.testing.LoopbackEngines;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * A repeatable harness, not a test: run it as a main (see the module README).
 *
 * <p>1. Fan-out overhead: three loopback engines answer after fixed delays of 50, 100 and 200 ms;
 * each search's wall time minus 200 ms is what fanning out, parsing and fusing add over the
 * slowest engine. Queries differ so nothing is cached.
 *
 * <p>2. Warm cache: searches per second when every answer comes from the in-memory cache (JSON
 * decode included, as a DynamoDB-backed cache would need), on 1 and on N threads.
 */
public final class SearchBenchmark {

    public static void main(String[] args) throws Exception {
        int iterations = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int threads = args.length > 1
                ? Integer.parseInt(args[1])
                : Runtime.getRuntime().availableProcessors();
        System.out.printf(
                "JDK %s, %d CPUs, %s%n",
                Runtime.version(), Runtime.getRuntime().availableProcessors(), System.getProperty("os.name"));
        try (LoopbackEngines engines = new LoopbackEngines()) {
            fanOut(engines, iterations);
            warmCache(engines, threads);
        }
    }

    private static void fanOut(LoopbackEngines engines, int iterations) {
        engines.searxng.answerFixture(LoopbackEngines.SEARXNG_PATH, "searxng-search.json", Duration.ofMillis(50));
        engines.wikipedia.answerFixture(
                LoopbackEngines.WIKIPEDIA_EN_PATH, "wikipedia-search-en.json", Duration.ofMillis(100));
        engines.brave.answerFixture(LoopbackEngines.BRAVE_PATH, "brave-web-search.json", Duration.ofMillis(200));
        MetaSearch search = engines.metaSearch();
        SearchOptions three = SearchOptions.defaults().withEngines(List.of("searxng", "wikipedia", "brave"));

        List<Double> overMs = new ArrayList<>();
        List<Double> overSlowestMs = new ArrayList<>();
        int warmup = Math.max(20, iterations / 5);
        for (int i = 0; i < warmup + iterations; i++) {
            long start = System.nanoTime();
            SearchResponse r = search.search(new SearchRequest("rust programming language " + i, three));
            double took = (System.nanoTime() - start) / 1e6;
            if (r.results().size() != 8 || !r.engines().values().stream().allMatch(e -> e.error() == null)) {
                // searxng's 5, wikipedia's 3 and brave's 4 hits are 8 distinct pages
                throw new IllegalStateException(
                        "unexpected answer: " + r.results().size() + " " + r.engines());
            }
            if (i >= warmup) {
                overMs.add(took - 200);
                overSlowestMs.add(took - r.engines().get("brave").latencyMs());
            }
        }
        System.out.printf(
                "fan-out over the slowest engine (50/100/200 ms, %d searches): total-200ms p50 %.2f ms, p90 %.2f ms,"
                        + " p99 %.2f ms; total minus the slowest engine's own measured latency p50 %.2f ms%n",
                iterations,
                percentile(overMs, 50),
                percentile(overMs, 90),
                percentile(overMs, 99),
                percentile(overSlowestMs, 50));
    }

    private static void warmCache(LoopbackEngines engines, int threads) throws Exception {
        InMemorySearchCache cache = new InMemorySearchCache();
        MetaSearch search = engines.metaSearch(cache);
        SearchRequest request = SearchRequest.of("rust programming language");
        if (search.search(request).cached() || !search.search(request).cached()) {
            throw new IllegalStateException("cache not warm");
        }
        System.out.printf("warm cache, 1 thread: %,.0f searches/s%n", throughput(search, request, 1));
        System.out.printf("warm cache, %d threads: %,.0f searches/s%n", threads, throughput(search, request, threads));
    }

    private static double throughput(MetaSearch search, SearchRequest request, int threads) throws Exception {
        runFor(search, request, threads, Duration.ofSeconds(2)); // warm-up
        long start = System.nanoTime();
        long count = runFor(search, request, threads, Duration.ofSeconds(4));
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static long runFor(MetaSearch search, SearchRequest request, int threads, Duration duration)
            throws Exception {
        long end = System.nanoTime() + duration.toNanos();
        try (ExecutorService pool = Executors.newFixedThreadPool(threads)) {
            List<Future<Long>> counts = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                counts.add(pool.submit(() -> {
                    long n = 0;
                    while (System.nanoTime() < end) {
                        if (!search.search(request).cached()) {
                            throw new IllegalStateException("cache miss");
                        }
                        n++;
                    }
                    return n;
                }));
            }
            long total = 0;
            for (Future<Long> c : counts) {
                total += c.get();
            }
            return total;
        }
    }

    private static double percentile(List<Double> values, int p) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
    }
}
