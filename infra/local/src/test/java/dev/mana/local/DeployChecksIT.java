package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.RepoPaths;
import dev.mana.platform.Json;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What CloudFormation would refuse, found before anyone deploys: cfn-lint on template.yaml (its
 * .cfnlintrc names any ignored rule with the reason), the SAM transform of the template with the
 * OpenAPI body inlined (infra/local/sam-transform, aws-sam-translator) linted again, an OpenAPI
 * validation of infra/openapi.yaml and of the public spec /openapi.json serves, and its examples
 * checked against their schemas (infra/local/openapi-examples). The tools are Python programs; CI machines have them on PATH, so
 * a missing tool fails here instead of skipping (pip install cfn-lint aws-sam-translator
 * openapi-spec-validator).
 */
class DeployChecksIT {
    private static final Path ROOT = RepoPaths.root();

    record Result(int exit, String output) {}

    @Test
    void cfnLint_findsNothingInTheTemplate() throws Exception {
        var lint = run("cfn-lint", "template.yaml");
        assertThat(lint.output()).as("cfn-lint template.yaml").isEmpty();
        assertThat(lint.exit()).isZero();
    }

    @Test
    void samTransform_succeeds_andItsOutputLintsClean() throws Exception {
        var transform = run("infra/local/sam-transform", "template.yaml");
        assertThat(transform.exit()).as(transform.output()).isZero();
        var resources = Json.mapper().readTree(transform.output()).path("Resources");
        // The role the usage-plan policy attaches to is the one SAM makes for AuthFunction.
        assertThat(resources.path("AuthFunctionRole").path("Type").asText()).isEqualTo("AWS::IAM::Role");
        assertThat(resources.path("Api").path("Properties").path("Body").path("x-amazon-apigateway-gateway-responses"))
                .as("gateway responses deployed in the API's body")
                .isNotEmpty();

        Path transformed = Files.createTempFile("transformed-template", ".json");
        try {
            Files.writeString(transformed, transform.output());
            var lint = run("cfn-lint", transformed.toString());
            assertThat(lint.output()).as("cfn-lint of the transformed template").isEmpty();
            assertThat(lint.exit()).isZero();
        } finally {
            Files.deleteIfExists(transformed);
        }
    }

    @Test
    void openApiSpec_validates() throws Exception {
        var validation = run("openapi-spec-validator", "infra/openapi.yaml");
        assertThat(validation.output()).contains("OK");
        assertThat(validation.exit()).as(validation.output()).isZero();
    }

    @Test
    void everyOperation_hasRequestAndSuccessExamples_thatMatchTheirSchemas() throws Exception {
        var check = run("infra/local/openapi-examples", "infra/openapi.yaml");
        assertThat(check.output()).as("infra/local/openapi-examples").isEmpty();
        assertThat(check.exit()).isZero();
    }

    @Test
    void publicSpec_servedAtOpenApiJson_validates() throws Exception {
        Path json = Files.createTempFile("openapi-public", ".json");
        try (var yaml = Files.newInputStream(RepoPaths.openApi())) {
            Files.writeString(json, dev.mana.docs.PublicSpec.of(yaml));
            var validation = run("openapi-spec-validator", json.toString());
            assertThat(validation.exit()).as(validation.output()).isZero();
        } finally {
            Files.deleteIfExists(json);
        }
    }

    /** Runs a tool in the repository root; stdout only for exit 0 (stderr carries tools' notes). */
    static Result run(String... command) throws IOException, InterruptedException {
        var stderr = Files.createTempFile("tool", ".err");
        try {
            Process process;
            try {
                process = new ProcessBuilder(new ArrayList<>(List.of(command)))
                        .directory(ROOT.toFile())
                        .redirectError(stderr.toFile())
                        .start();
            } catch (IOException e) {
                throw new AssertionError(
                        command[0] + " is not on PATH; CI installs it (pip install cfn-lint"
                                + " aws-sam-translator openapi-spec-validator)",
                        e);
            }
            byte[] out = process.getInputStream().readAllBytes();
            assertThat(process.waitFor(5, TimeUnit.MINUTES))
                    .as(command[0] + " ended")
                    .isTrue();
            String output = new String(out, StandardCharsets.UTF_8).strip();
            if (process.exitValue() != 0)
                output = output + "\n" + Files.readString(stderr).strip();
            return new Result(process.exitValue(), output.strip());
        } finally {
            Files.deleteIfExists(stderr);
        }
    }
}
