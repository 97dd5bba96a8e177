package dev.mana.search.engine;

import java.time.Duration;
import java.util.Map;

/**
 * Reads settings from an environment map. A value that is present but wrong fails at start-up,
 * naming the variable, rather than silently falling back to a default.
 */
public record Env(Map<String, String> vars) {

    public Env {
        vars = Map.copyOf(vars);
    }

    /** The trimmed value, or null when absent or blank. */
    public String string(String name) {
        String value = vars.get(name);
        return value == null || value.isBlank() ? null : value.trim();
    }

    public String string(String name, String fallback) {
        String value = string(name);
        return value == null ? fallback : value;
    }

    public int positiveInt(String name, int fallback) {
        String value = string(name);
        if (value == null) {
            return fallback;
        }
        try {
            int parsed = Integer.parseInt(value);
            if (parsed > 0) {
                return parsed;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(name + " must be a positive integer, got '" + value + "'");
    }

    public Duration millis(String name, Duration fallback) {
        return Duration.ofMillis(positiveInt(name, (int) fallback.toMillis()));
    }
}
