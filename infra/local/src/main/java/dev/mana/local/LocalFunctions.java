package dev.mana.local;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every function of template.yaml, each loaded from its CodeUri jar into its own sandbox. */
final class LocalFunctions implements AutoCloseable {
    private final Map<String, FunctionSandbox> sandboxes;

    private LocalFunctions(Map<String, FunctionSandbox> sandboxes) {
        this.sandboxes = sandboxes;
    }

    static LocalFunctions load(EmulatedStack stack) throws Exception {
        return load(stack, Map.of());
    }

    /** @param overrides set on top of every function's environment */
    static LocalFunctions load(EmulatedStack stack, Map<String, String> overrides) throws Exception {
        var sandboxes = new LinkedHashMap<String, FunctionSandbox>();
        for (Template.FunctionSpec spec : stack.template().functions()) {
            sandboxes.put(spec.logicalId(), load(stack, spec.logicalId(), overrides));
        }
        return new LocalFunctions(sandboxes);
    }

    static FunctionSandbox load(EmulatedStack stack, String logicalId) throws Exception {
        return load(stack, logicalId, Map.of());
    }

    static FunctionSandbox load(EmulatedStack stack, String logicalId, Map<String, String> overrides) throws Exception {
        var spec = stack.template().function(logicalId);
        var environment = new LinkedHashMap<>(stack.environment(logicalId));
        environment.putAll(overrides);
        return FunctionSandbox.load(logicalId, RepoPaths.root().resolve(spec.codeUri()), spec.handler(), environment);
    }

    /**
     * Accepts the logical id (AuthFunction) or the module name (auth). A module's jar can serve
     * several functions (a worker, a scheduled job) told apart by SPRING_CLOUD_FUNCTION_DEFINITION;
     * the module name means the one without it, its API.
     */
    static String logicalId(Template template, String name) {
        for (var spec : template.functions()) {
            if (spec.logicalId().equalsIgnoreCase(name)) return spec.logicalId();
        }
        return template.functions().stream()
                .filter(spec -> spec.codeUri().startsWith("functions/" + name + "/"))
                .sorted(java.util.Comparator.comparing(
                        spec -> spec.environment().containsKey("SPRING_CLOUD_FUNCTION_DEFINITION")))
                .map(Template.FunctionSpec::logicalId)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function named " + name + " in template.yaml"));
    }

    FunctionSandbox get(String logicalId) {
        FunctionSandbox sandbox = sandboxes.get(logicalId);
        if (sandbox == null)
            throw new IllegalStateException("openapi.yaml names " + logicalId + ", which template.yaml lacks");
        return sandbox;
    }

    Map<String, FunctionSandbox> all() {
        return sandboxes;
    }

    @Override
    public void close() throws Exception {
        for (var sandbox : sandboxes.values()) sandbox.close();
    }
}
