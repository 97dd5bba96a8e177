package dev.mana.search;

import dev.mana.search.engine.Env;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Settings of the search as a whole. {@code deadline}: the longest a search waits for engines
 * ({@code MANA_SEARCH_DEADLINE_MS}, default 5000; each engine also has its own
 * {@code MANA_SEARCH_<ENGINE>_TIMEOUT_MS}). The circuit breaker opens after
 * {@code breakerFailures} consecutive failures ({@code MANA_SEARCH_BREAKER_FAILURES}, default 5)
 * for {@code breakerCoolDown} ({@code MANA_SEARCH_BREAKER_COOLDOWN_MS}, default 30000).
 * {@code userAgent} ({@code MANA_SEARCH_USER_AGENT}) is sent to engines; Wikipedia asks for one
 * that names the operator.
 */
public record SearchSettings(Duration deadline, int breakerFailures, Duration breakerCoolDown, String userAgent) {

    public static final String DEFAULT_USER_AGENT = "ManaSearch/0.1 (+https://github.com/mana-api)";

    /** The variables {@link #fromEnv} reads. */
    public static final List<String> VARIABLES = List.of(
            "MANA_SEARCH_DEADLINE_MS",
            "MANA_SEARCH_BREAKER_FAILURES",
            "MANA_SEARCH_BREAKER_COOLDOWN_MS",
            "MANA_SEARCH_USER_AGENT");

    public static SearchSettings defaults() {
        return fromEnv(Map.of());
    }

    public static SearchSettings fromEnv(Map<String, String> env) {
        Env vars = new Env(env);
        return new SearchSettings(
                vars.millis("MANA_SEARCH_DEADLINE_MS", Duration.ofSeconds(5)),
                vars.positiveInt("MANA_SEARCH_BREAKER_FAILURES", 5),
                vars.millis("MANA_SEARCH_BREAKER_COOLDOWN_MS", Duration.ofSeconds(30)),
                vars.string("MANA_SEARCH_USER_AGENT", DEFAULT_USER_AGENT));
    }
}
