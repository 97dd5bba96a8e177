package dev.mana.platform;

import java.util.Map;
import java.util.Optional;

/**
 * Configuration from environment variables, so one jar runs on AWS, in the local runtime and
 * in tests. The local runtime gives each function its own variables from template.yaml (each
 * function has its own class loader, hence its own copy of this class) and tests give theirs,
 * through {@link #override}; nothing else should call it.
 */
public final class Environment {
    private static volatile Map<String, String> overrides = Map.of();

    private Environment() {}

    /** Replaces the variables seen on top of the process environment. */
    public static void override(Map<String, String> variables) {
        overrides = Map.copyOf(variables);
    }

    public static Optional<String> get(String name) {
        String value = overrides.get(name);
        if (value == null) value = System.getenv(name);
        return Optional.ofNullable(value).filter(v -> !v.isBlank());
    }

    public static String get(String name, String fallback) {
        return get(name).orElse(fallback);
    }

    /** A variable the function cannot start without: fails at init, loudly, naming it. */
    public static String require(String name) {
        return get(name).orElseThrow(() -> new IllegalStateException("Environment variable " + name + " is not set"));
    }

    public static int getInt(String name, int fallback) {
        return get(name).map(Integer::parseInt).orElse(fallback);
    }
}
