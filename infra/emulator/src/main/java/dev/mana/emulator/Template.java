package dev.mana.emulator;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** template.yaml as a model: its resources, parameters, mappings and functions. */
public final class Template {
    private final Map<String, Object> document;

    public record Resource(String logicalId, String type, Map<String, Object> properties) {}

    /** A function with its deployment jar (relative to the repo), handler and environment (unresolved). */
    public record FunctionSpec(String logicalId, String codeUri, String handler, Map<String, Object> environment) {}

    private Template(Map<String, Object> document) {
        this.document = document;
    }

    public static Template read(Path file) {
        return new Template(CloudFormationYaml.read(file));
    }

    public static Template load() {
        return read(RepoPaths.template());
    }

    public Map<String, Object> document() {
        return document;
    }

    public Map<String, Resource> resources() {
        var result = new LinkedHashMap<String, Resource>();
        section("Resources").forEach((id, value) -> {
            Map<String, Object> resource = map(value);
            result.put(id, new Resource(id, (String) resource.get("Type"), map(resource.get("Properties"))));
        });
        return result;
    }

    public List<Resource> resourcesOfType(String type) {
        return resources().values().stream().filter(r -> type.equals(r.type())).toList();
    }

    public Map<String, Object> parameters() {
        return section("Parameters");
    }

    public Map<String, Object> mappings() {
        return section("Mappings");
    }

    public List<FunctionSpec> functions() {
        Map<String, Object> globals = map(map(section("Globals").get("Function")));
        return resourcesOfType("AWS::Serverless::Function").stream()
                .map(r -> {
                    var environment = new LinkedHashMap<String, Object>(variables(globals));
                    environment.putAll(variables(r.properties()));
                    Object handler = r.properties().getOrDefault("Handler", globals.get("Handler"));
                    return new FunctionSpec(
                            r.logicalId(), (String) r.properties().get("CodeUri"), (String) handler, environment);
                })
                .toList();
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in template.yaml"));
    }

    private static Map<String, Object> variables(Map<String, Object> functionProperties) {
        return map(map(functionProperties.get("Environment")).get("Variables"));
    }

    private Map<String, Object> section(String name) {
        return map(document.get(name));
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> map(Object value) {
        return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
