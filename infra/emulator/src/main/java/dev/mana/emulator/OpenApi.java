package dev.mana.emulator;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/** infra/openapi.yaml as the list of operations: route, target function, API key, authorizer. */
public final class OpenApi {
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static final Pattern FUNCTION_ARN = Pattern.compile("\\$\\{(\\w+)\\.Arn}");

    /** One operation; {@code function} is the logical id of the Lambda function it integrates. */
    public record Operation(String method, String path, String function, boolean apiKeyRequired, String authorizer) {
        public String key() {
            return method + " " + path;
        }
    }

    private OpenApi() {}

    /** The Lambda authorizers of components.securitySchemes: scheme name to function logical id. */
    public static Map<String, String> authorizers() {
        var result = new java.util.LinkedHashMap<String, String>();
        Map<String, Object> document = CloudFormationYaml.read(RepoPaths.openApi());
        Map<String, Object> schemes =
                Template.map(Template.map(document.get("components")).get("securitySchemes"));
        schemes.forEach((name, scheme) -> {
            Object uri = Template.map(Template.map(scheme).get("x-amazon-apigateway-authorizer"))
                    .get("authorizerUri");
            if (uri == null) return;
            var matcher = FUNCTION_ARN.matcher(String.valueOf(uri));
            if (matcher.find()) result.put(name, matcher.group(1));
        });
        return result;
    }

    public static List<Operation> load() {
        return read(RepoPaths.openApi());
    }

    @SuppressWarnings("unchecked")
    public static List<Operation> read(Path file) {
        Map<String, Object> document = CloudFormationYaml.read(file);
        var operations = new ArrayList<Operation>();
        Template.map(document.get("paths"))
                .forEach((path, item) -> Template.map(item).forEach((method, value) -> {
                    if (!METHODS.contains(method)) return;
                    Map<String, Object> operation = Template.map(value);
                    Map<String, Object> integration = Template.map(operation.get("x-amazon-apigateway-integration"));
                    Object uri = integration.get("uri");
                    String text = uri instanceof Map<?, ?> m
                            ? String.valueOf(m.values().iterator().next())
                            : String.valueOf(uri);
                    var matcher = FUNCTION_ARN.matcher(text);
                    String function = matcher.find() ? matcher.group(1) : null;
                    var security = (List<Map<String, Object>>) operation.getOrDefault("security", List.of());
                    boolean apiKey = security.stream().anyMatch(s -> s.containsKey("apiKey"));
                    String authorizer = security.stream()
                            .flatMap(s -> s.keySet().stream())
                            .filter(name -> !name.equals("apiKey"))
                            .findFirst()
                            .orElse(null);
                    operations.add(new Operation(
                            method.toUpperCase(java.util.Locale.ROOT), path, function, apiKey, authorizer));
                }));
        return operations;
    }
}
