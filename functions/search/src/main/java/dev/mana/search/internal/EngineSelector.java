package dev.mana.search.internal;

import dev.mana.search.Category;
import dev.mana.search.EngineReport;
import dev.mana.search.engine.EngineQuery;
import dev.mana.search.engine.SearchEngine;
import dev.mana.search.engine.SearxngEngine;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * Chooses which engines a search asks. Without {@code options.engines}, every engine serving one
 * of the asked categories (default general). With it, only the named ones: those not serving the
 * asked categories are skipped with that reason, and when no category was asked each named engine
 * searches its own categories (naming {@code arxiv} alone is a science search). Engines chosen
 * but unconfigured or behind an open circuit are skipped, and say so.
 */
public final class EngineSelector {

    public record Plan(List<EngineFanOut.Call> calls, Map<String, EngineReport> skipped) {}

    private EngineSelector() {}

    public static Plan plan(ValidSearch s, List<TrackedEngine> engines) {
        List<EngineFanOut.Call> calls = new ArrayList<>();
        Map<String, EngineReport> skipped = new LinkedHashMap<>();
        // Named engines that are not this service's own go to SearXNG, which then asks them.
        Set<String> viaSearxng = new TreeSet<>(s.engines());
        engines.forEach(t -> viaSearxng.remove(t.engine().name()));
        for (TrackedEngine tracked : engines) {
            SearchEngine engine = tracked.engine();
            boolean searxng = engine.name().equals(SearxngEngine.NAME);
            boolean named = s.engines().contains(engine.name()) || (searxng && !viaSearxng.isEmpty());
            if (!s.engines().isEmpty() && !named) {
                continue;
            }
            Set<Category> served = EnumSet.noneOf(Category.class);
            served.addAll(engine.categories());
            served.retainAll(s.categories());
            if (served.isEmpty() && !named) {
                continue;
            }
            if (served.isEmpty() && s.categoriesGiven()) {
                skipped.put(engine.name(), EngineReport.skipped("does not serve " + names(s.categories())));
                continue;
            }
            if (!engine.isConfigured()) {
                skipped.put(engine.name(), EngineReport.skipped("not configured"));
                continue;
            }
            if (!tracked.breaker().tryAcquire()) {
                skipped.put(
                        engine.name(),
                        EngineReport.skipped("circuit open after repeated failures; retried after "
                                + tracked.breaker().retryAt()));
                continue;
            }
            Set<Category> asked = served.isEmpty() ? engine.categories() : served;
            calls.add(new EngineFanOut.Call(
                    engine,
                    new EngineQuery(
                            s.query(),
                            asked,
                            s.language(),
                            s.timeRange(),
                            s.safesearch(),
                            s.perEngineCount(),
                            searxng ? viaSearxng : Set.of())));
        }
        return new Plan(calls, skipped);
    }

    private static String names(Set<Category> categories) {
        return categories.stream().map(Category::wireName).collect(Collectors.joining(", "));
    }
}
