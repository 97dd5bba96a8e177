package dev.mana.platform;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/** HTTP headers, looked up case-insensitively as HTTP requires. */
public final class Headers {
    private final Map<String, String> values;

    private Headers(Map<String, String> values) {
        this.values = values;
    }

    public static Headers of(Map<String, String> raw) {
        var map = new TreeMap<String, String>(String.CASE_INSENSITIVE_ORDER);
        if (raw != null) {
            raw.forEach((name, value) -> {
                if (name != null && value != null) map.put(name, value);
            });
        }
        return new Headers(Collections.unmodifiableMap(map));
    }

    public Optional<String> get(String name) {
        return Optional.ofNullable(values.get(name));
    }

    public Map<String, String> asMap() {
        return values;
    }
}
