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
    public record FunctionSpec(
            String logicalId,
            String codeUri,
            String handler,
            Map<String, Object> environment,
            List<QueueSource> queues) {}

    /** An SQS event source of a function: Lambda polls the queue and hands it batches. */
    public record QueueSource(String queueLogicalId, int batchSize, boolean reportsBatchItemFailures) {}

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
                    Object codeUri = r.properties().get("CodeUri");
                    if (codeUri == null) {
                        // A container-image function: its jar is the image's build argument JAR,
                        // its handler the image's command.
                        Map<String, Object> metadata =
                                map(map(section("Resources").get(r.logicalId())).get("Metadata"));
                        codeUri = map(metadata.get("DockerBuildArgs")).get("JAR");
                        Object command = map(r.properties().get("ImageConfig")).get("Command");
                        if (handler == null && command instanceof List<?> list && !list.isEmpty())
                            handler = list.get(0);
                    }
                    return new FunctionSpec(
                            r.logicalId(),
                            (String) codeUri,
                            (String) handler,
                            environment,
                            queueSources(r.properties()));
                })
                .toList();
    }

    public FunctionSpec function(String logicalId) {
        return functions().stream()
                .filter(f -> f.logicalId().equals(logicalId))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No function " + logicalId + " in template.yaml"));
    }

    @SuppressWarnings("unchecked")
    private static List<QueueSource> queueSources(Map<String, Object> functionProperties) {
        var sources = new java.util.ArrayList<QueueSource>();
        map(functionProperties.get("Events")).values().forEach(value -> {
            Map<String, Object> event = map(value);
            if (!"SQS".equals(event.get("Type"))) return;
            Map<String, Object> properties = map(event.get("Properties"));
            // Queue: !GetAtt SomeQueue.Arn
            var queue = (List<Object>) map(properties.get("Queue")).get("Fn::GetAtt");
            var responseTypes = (List<Object>) properties.getOrDefault("FunctionResponseTypes", List.of());
            sources.add(new QueueSource(
                    String.valueOf(queue.get(0)),
                    Integer.parseInt(String.valueOf(properties.getOrDefault("BatchSize", 10))),
                    responseTypes.contains("ReportBatchItemFailures")));
        });
        return sources;
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
