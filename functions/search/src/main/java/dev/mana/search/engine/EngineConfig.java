package dev.mana.search.engine;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

/**
 * One engine's settings, from {@code MANA_SEARCH_<ENGINE>_URL}, {@code _TIMEOUT_MS} and
 * {@code _KEY}. {@code baseUrl} has no trailing slash and is null when the engine has no public
 * default and none is configured; {@code apiKey} is null when absent.
 */
public record EngineConfig(String baseUrl, Duration timeout, String apiKey) {

    /** The variables an engine's settings come from. */
    public static List<String> variableNames(String engineName) {
        String prefix = prefix(engineName);
        return List.of(prefix + "URL", prefix + "TIMEOUT_MS", prefix + "KEY");
    }

    private static String prefix(String engineName) {
        return "MANA_SEARCH_" + engineName.toUpperCase(Locale.ROOT) + "_";
    }

    public static EngineConfig fromEnv(Env env, String engineName, String defaultUrl, Duration defaultTimeout) {
        String prefix = prefix(engineName);
        String url = env.string(prefix + "URL", defaultUrl);
        if (url != null && !url.startsWith("http://") && !url.startsWith("https://")) {
            throw new IllegalArgumentException(prefix + "URL must be an http(s) URL, got '" + url + "'");
        }
        if (url != null) {
            url = url.replaceAll("/+$", "");
        }
        return new EngineConfig(url, env.millis(prefix + "TIMEOUT_MS", defaultTimeout), env.string(prefix + "KEY"));
    }

    @Override
    public String toString() {
        // Never print the key.
        return "EngineConfig[baseUrl=" + baseUrl + ", timeout=" + timeout + ", apiKey="
                + (apiKey == null ? "absent" : "present") + "]";
    }
}
