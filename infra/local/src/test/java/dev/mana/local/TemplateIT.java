package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.CloudFormationYaml;
import dev.mana.emulator.OpenApi;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** template.yaml is checked structurally before anyone runs sam deploy. */
class TemplateIT {
    private static final Set<String> PSEUDO = Set.of(
            "AWS::Region",
            "AWS::AccountId",
            "AWS::StackName",
            "AWS::Partition",
            "AWS::URLSuffix",
            "AWS::NoValue",
            "AWS::StackId");
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{([^}!]+)}");

    private final Template template = Template.load();
    private final Set<String> names = new HashSet<>();

    TemplateIT() {
        names.addAll(template.resources().keySet());
        names.addAll(template.parameters().keySet());
        names.addAll(PSEUDO);
        // SAM makes each function without a Role property an execution role named <Function>Role.
        template.resourcesOfType("AWS::Serverless::Function").stream()
                .filter(f -> !f.properties().containsKey("Role"))
                .forEach(f -> names.add(f.logicalId() + "Role"));
    }

    @Test
    void everyRefGetAttAndSubVariable_namesSomethingThatExists() {
        var unknown = new ArrayList<String>();
        walk(template.document(), unknown);
        walk(CloudFormationYaml.read(RepoPaths.openApi()), unknown);
        assertThat(unknown).as("references to nothing").isEmpty();
    }

    @Test
    void everyFunctionHandlerClass_isInItsDeploymentJar() throws Exception {
        for (var function : template.functions()) {
            var jar = RepoPaths.root().resolve(function.codeUri());
            assertThat(Files.isRegularFile(jar))
                    .as(function.logicalId() + " jar " + jar)
                    .isTrue();
            String handlerClass = function.handler().split("::")[0];
            String mainClass = String.valueOf(function.environment().get("MAIN_CLASS"));
            try (var file = new JarFile(jar.toFile())) {
                assertThat(file.getEntry(handlerClass.replace('.', '/') + ".class"))
                        .as(handlerClass)
                        .isNotNull();
                assertThat(file.getEntry(mainClass.replace('.', '/') + ".class"))
                        .as(mainClass)
                        .isNotNull();
                // Lambda's limit for an unzipped upload is 250 MB, for a direct zip 50 MB.
                assertThat(Files.size(jar))
                        .as(function.logicalId() + " jar size")
                        .isLessThan(50L * 1024 * 1024);
            }
        }
    }

    @Test
    void everyOpenApiOperation_targetsAFunctionOfTheTemplate() {
        var functions = template.functions().stream()
                .map(Template.FunctionSpec::logicalId)
                .toList();
        assertThat(OpenApi.load())
                .isNotEmpty()
                .allSatisfy(
                        operation -> assertThat(functions).as(operation.key()).contains(operation.function()));
    }

    @Test
    void everyRoute_hasASampleEventInEvents() throws Exception {
        var sampled = new java.util.HashSet<String>();
        try (var files = Files.walk(RepoPaths.events())) {
            for (var file : files.filter(f -> f.toString().endsWith(".json")).toList()) {
                var event = dev.mana.platform.Json.mapper().readTree(file.toFile());
                if (event.has("httpMethod"))
                    sampled.add(event.path("httpMethod").asText() + " "
                            + event.path("resource").asText());
            }
        }
        assertThat(OpenApi.load())
                .allSatisfy(operation -> assertThat(sampled)
                        .as("an event in events/ for " + operation.key())
                        .contains(operation.key()));
    }

    @Test
    void everyQueueWithWork_hasADeadLetterQueue() {
        var queues = template.resourcesOfType("AWS::SQS::Queue");
        var deadLetter = queues.stream()
                .filter(q -> q.logicalId().endsWith("DeadLetterQueue"))
                .toList();
        assertThat(queues.size() - deadLetter.size()).isPositive();
        queues.stream()
                .filter(q -> !q.logicalId().endsWith("DeadLetterQueue"))
                .forEach(q -> assertThat(q.properties()).as(q.logicalId()).containsKey("RedrivePolicy"));
    }

    @Test
    void everyPrebuiltJarFunction_isSkippedBySamBuild() {
        // `sam build` cannot build from a jar; Maven builds them (README: Deploying).
        for (var function : template.functions()) {
            if (!function.codeUri().endsWith(".jar")) continue;
            // Container-image functions (STT) are built by sam build from their Dockerfile.
            if (((Map<?, ?>) resource(function.logicalId()).get("Properties")).containsKey("ImageUri")) continue;
            assertThat(resource(function.logicalId()).get("Metadata"))
                    .as(function.logicalId() + " Metadata")
                    .isEqualTo(Map.of("SkipBuild", true));
        }
    }

    @Test
    void statefulResources_surviveStackDeletionAndReplacement() {
        var disposable = Set.of("CacheTable");
        for (String type : List.of("AWS::DynamoDB::Table", "AWS::S3::Bucket", "AWS::KMS::Key")) {
            for (var r : template.resourcesOfType(type)) {
                if (disposable.contains(r.logicalId())) continue;
                assertThat(resource(r.logicalId()))
                        .as(r.logicalId())
                        .containsEntry("DeletionPolicy", "Retain")
                        .containsEntry("UpdateReplacePolicy", "Retain");
            }
        }
        for (String table : List.of("AccountsTable", "KeysTable", "CreditsTable")) {
            assertThat(template.resources().get(table).properties())
                    .as(table + " point-in-time recovery")
                    .containsEntry("PointInTimeRecoverySpecification", Map.of("PointInTimeRecoveryEnabled", true));
        }
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> resource(String logicalId) {
        return (Map<String, Object>) ((Map<String, Object>) template.document().get("Resources")).get(logicalId);
    }

    @SuppressWarnings("unchecked")
    private void walk(Object node, List<String> unknown) {
        if (node instanceof Map<?, ?> map) {
            if (map.size() == 1 && map.containsKey("Ref")) check(String.valueOf(map.get("Ref")), unknown);
            if (map.size() == 1 && map.containsKey("Fn::GetAtt"))
                check(String.valueOf(((List<Object>) map.get("Fn::GetAtt")).get(0)), unknown);
            if (map.size() == 1 && map.containsKey("Fn::Sub")) {
                Object sub = map.get("Fn::Sub");
                String text = sub instanceof List<?> list ? String.valueOf(list.get(0)) : String.valueOf(sub);
                Set<String> local =
                        sub instanceof List<?> list ? ((Map<String, Object>) list.get(1)).keySet() : Set.of();
                var matcher = SUB_VARIABLE.matcher(text);
                while (matcher.find()) if (!local.contains(matcher.group(1))) check(matcher.group(1), unknown);
            }
            map.values().forEach(v -> walk(v, unknown));
        } else if (node instanceof List<?> list) {
            list.forEach(v -> walk(v, unknown));
        }
    }

    private void check(String reference, List<String> unknown) {
        String name = reference.startsWith("AWS::") ? reference : reference.split("\\.", 2)[0];
        if (!names.contains(name)) unknown.add(reference);
    }
}
