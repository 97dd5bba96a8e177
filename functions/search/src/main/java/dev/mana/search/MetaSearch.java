package dev.mana.search;

import dev.mana.platform.Log;
import dev.mana.search.engine.Deadline;
import dev.mana.search.engine.EngineHttp;
import dev.mana.search.engine.EngineRegistry;
import dev.mana.search.engine.SearchEngine;
import dev.mana.search.engine.SearxngEngine;
import dev.mana.search.engine.SearxngEngineNames;
import dev.mana.search.internal.CacheKey;
import dev.mana.search.internal.CircuitBreaker;
import dev.mana.search.internal.DomainFilter;
import dev.mana.search.internal.EngineFanOut;
import dev.mana.search.internal.EngineRun;
import dev.mana.search.internal.EngineSelector;
import dev.mana.search.internal.EngineStats;
import dev.mana.search.internal.RankFusion;
import dev.mana.search.internal.SearchValidator;
import dev.mana.search.internal.TrackedEngine;
import dev.mana.search.internal.ValidSearch;
import java.time.Instant;
import java.time.InstantSource;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

/**
 * The search service: validates a request, answers from the cache when it can, otherwise asks the
 * chosen engines in parallel, fuses their results and caches the answer. Build one per container
 * (it holds the HTTP client and the engines' health) and share it; it is thread-safe.
 */
public final class MetaSearch {

    private final List<TrackedEngine> engines;
    private final SearchCache cache;
    private final SearchSettings settings;
    private final InstantSource clock;
    private final SearchValidator validator;
    private final EngineFanOut fanOut = new EngineFanOut(Executors.newVirtualThreadPerTaskExecutor());

    public MetaSearch(List<SearchEngine> engines, SearchCache cache, SearchSettings settings, InstantSource clock) {
        this.engines = engines.stream()
                .map(e -> new TrackedEngine(
                        e,
                        new CircuitBreaker(settings.breakerFailures(), settings.breakerCoolDown(), clock),
                        new EngineStats()))
                .toList();
        this.cache = cache;
        this.settings = settings;
        this.clock = clock;
        this.validator = new SearchValidator(
                engines.stream().map(SearchEngine::name).collect(Collectors.toSet()), searxngEngines(engines));
    }

    /** SearXNG's engine names clients may name, when SearXNG is configured; not this service's own. */
    private static Set<String> searxngEngines(List<SearchEngine> engines) {
        boolean configured = engines.stream().anyMatch(e -> e.name().equals(SearxngEngine.NAME) && e.isConfigured());
        if (!configured) return Set.of();
        var names = new TreeSet<>(SearxngEngineNames.NAMES);
        engines.forEach(e -> names.remove(e.name()));
        return names;
    }

    /** The engine names a search passes to SearXNG (GET /v1/search/engines); empty without SearXNG. */
    public List<String> searxngEngines() {
        return searxngEngines(engines.stream().map(TrackedEngine::engine).toList()).stream()
                .sorted()
                .toList();
    }

    /** The production wiring: every registered engine, configured from {@code env}. */
    public static MetaSearch fromEnv(Map<String, String> env, SearchCache cache) {
        SearchSettings settings = SearchSettings.fromEnv(env);
        EngineHttp http = EngineHttp.create(settings.userAgent());
        return new MetaSearch(EngineRegistry.fromEnv(env, http), cache, settings, InstantSource.system());
    }

    /**
     * Checks a request without searching, so a caller can refuse bad input before it charges for
     * the search. Throws {@link SearchValidationException} naming the first bad field.
     */
    public void validate(SearchRequest request) {
        validator.validate(request);
    }

    /**
     * Answers a search. Throws {@link SearchValidationException} for bad input; engines failing,
     * timing out or answering garbage, and the cache failing, only show in the engine reports.
     */
    public SearchResponse search(SearchRequest request) {
        long start = System.nanoTime();
        ValidSearch s = validator.validate(request);
        String key = CacheKey.of(s);
        Optional<SearchResponse> cached = cacheGet(key);
        if (cached.isPresent()) {
            return cached.get().asCacheHit(s.query(), millisSince(start));
        }

        EngineSelector.Plan plan = EngineSelector.plan(s, engines);
        List<EngineRun> runs = fanOut.run(plan.calls(), Deadline.after(settings.deadline()));
        Map<String, EngineRun> byName = new HashMap<>();
        Instant now = clock.instant();
        for (EngineRun run : runs) {
            logFailure(run);
            byName.put(run.engine(), run);
            engines.stream().filter(t -> t.engine().name().equals(run.engine())).forEach(t -> t.record(run, now));
        }

        Map<String, EngineReport> reports = new LinkedHashMap<>();
        for (TrackedEngine t : engines) {
            String name = t.engine().name();
            if (byName.containsKey(name)) {
                reports.put(name, byName.get(name).report());
            } else if (plan.skipped().containsKey(name)) {
                reports.put(name, plan.skipped().get(name));
            }
        }
        List<SearchResult> fused = new DomainFilter(s.includeDomains(), s.excludeDomains())
                .apply(RankFusion.fuse(runs.stream()
                        .filter(r -> r.status() == EngineStatus.OK)
                        .map(r -> new RankFusion.Ranked(r.engine(), r.hits()))
                        .toList()));
        int from = Math.min(fused.size(), (s.page() - 1) * s.limit());
        int to = Math.min(fused.size(), from + s.limit());
        SearchResponse response =
                new SearchResponse(s.query(), fused.subList(from, to), reports, false, millisSince(start));
        if (worthCaching(runs)) {
            cachePut(key, response);
        }
        return response;
    }

    /** Every engine with its categories, configuration and health in this container. */
    public List<EngineHealth> engines() {
        return engines.stream()
                .map(t -> new EngineHealth(
                        t.engine().name(),
                        t.engine().categories().stream().sorted().toList(),
                        t.engine().isConfigured(),
                        t.stats().snapshot(t.breaker())))
                .toList();
    }

    /**
     * An answer missing an engine that failed this once would be served for the cache's whole
     * lifetime; so only complete answers are cached. An engine that keeps failing trips its
     * circuit, is then skipped rather than failed, and answers become cacheable again.
     */
    private static boolean worthCaching(List<EngineRun> runs) {
        return !runs.isEmpty() && runs.stream().allMatch(r -> r.status() == EngineStatus.OK);
    }

    private Optional<SearchResponse> cacheGet(String key) {
        try {
            return cache.get(key);
        } catch (RuntimeException e) {
            Log.warn(
                    "search cache read failed; searching engines",
                    "cacheError",
                    e.getClass().getName(),
                    "cacheErrorMessage",
                    String.valueOf(e.getMessage()));
            return Optional.empty();
        }
    }

    private void cachePut(String key, SearchResponse response) {
        try {
            cache.put(key, response);
        } catch (RuntimeException e) {
            Log.warn(
                    "search cache write failed; answer not cached",
                    "cacheError",
                    e.getClass().getName(),
                    "cacheErrorMessage",
                    String.valueOf(e.getMessage()));
        }
    }

    /** An engine that failed or timed out is one log line; the query is not logged. */
    private static void logFailure(EngineRun run) {
        if (run.status() == EngineStatus.ERROR || run.status() == EngineStatus.TIMEOUT) {
            Log.warn(
                    "search engine failed",
                    "engine",
                    run.engine(),
                    "engineStatus",
                    run.status().wireName(),
                    "engineLatencyMs",
                    run.latencyMs(),
                    "reason",
                    run.error());
        }
    }

    private static long millisSince(long startNanos) {
        return TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - startNanos);
    }
}
