package dev.mana.search.api;

import dev.mana.platform.Environment;
import dev.mana.search.SearchSettings;
import dev.mana.search.cache.DynamoSearchCache;
import dev.mana.search.engine.EngineRegistry;
import java.util.HashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The search's configuration as the map {@link dev.mana.search.MetaSearch#fromEnv} takes. The
 * platform's {@link Environment} (process variables, overridden by tests and the local runtime)
 * can only be asked by name, so every name the search reads is asked for.
 */
public final class SearchEnvironment {

    private SearchEnvironment() {}

    public static Map<String, String> variables() {
        Map<String, String> vars = new HashMap<>();
        Stream.of(
                        SearchSettings.VARIABLES.stream(),
                        EngineRegistry.variableNames().stream(),
                        Stream.of(DynamoSearchCache.TTL_VARIABLE))
                .flatMap(s -> s)
                .forEach(name -> Environment.get(name).ifPresent(value -> vars.put(name, value)));
        return vars;
    }
}
