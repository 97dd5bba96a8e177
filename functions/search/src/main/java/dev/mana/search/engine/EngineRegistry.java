package dev.mana.search.engine;

import java.util.List;
import java.util.Map;

/** Every engine the service knows, in the order responses list them. Adding one is one line here. */
public final class EngineRegistry {

    /** Builds an engine from the environment; each engine class offers one as {@code fromEnv}. */
    @FunctionalInterface
    public interface Factory {
        SearchEngine create(Env env, EngineHttp http);
    }

    private static final List<Factory> KNOWN = List.of(
            SearxngEngine::fromEnv,
            WikipediaEngine::fromEnv,
            DuckDuckGoEngine::fromEnv,
            BraveEngine::fromEnv,
            ArxivEngine::fromEnv);

    private EngineRegistry() {}

    /**
     * Every per-engine variable the engines read ({@code MANA_SEARCH_<ENGINE>_URL},
     * {@code _TIMEOUT_MS}, {@code _KEY}), so configuration can be collected by name where the
     * environment cannot be listed. Engines are built without HTTP for their names only.
     */
    public static List<String> variableNames() {
        Env empty = new Env(Map.of());
        return KNOWN.stream()
                .map(f -> f.create(empty, null).name())
                .flatMap(name -> EngineConfig.variableNames(name).stream())
                .toList();
    }

    public static List<SearchEngine> fromEnv(Map<String, String> env, EngineHttp http) {
        Env vars = new Env(env);
        return KNOWN.stream().map(f -> f.create(vars, http)).toList();
    }
}
