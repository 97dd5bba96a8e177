package dev.mana.local;

import dev.mana.emulator.Template;
import java.util.Map;
import java.util.TreeMap;

/**
 * The variables given to {@code infra/local/start} or {@code invoke} that override a function's
 * template.yaml value, as {@code sam local --env-vars} does. A variable the template does not set
 * needs nothing: a function reads the process environment beneath its own (platform's
 * Environment). {@code AWS_*} stay the runtime's: they point every function at the emulator.
 */
final class LocalEnvironment {
    private LocalEnvironment() {}

    static Map<String, String> overrides(Template template, Map<String, String> process) {
        var overrides = new TreeMap<String, String>();
        for (var function : template.functions()) {
            for (String name : function.environment().keySet()) {
                String value = process.get(name);
                if (value != null && !name.startsWith("AWS_")) overrides.put(name, value);
            }
        }
        return overrides;
    }
}
