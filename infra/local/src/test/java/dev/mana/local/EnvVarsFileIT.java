package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import dev.mana.platform.Json;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** events/env.local.json (sam local invoke --env-vars) matches template.yaml. */
class EnvVarsFileIT {
    @Test
    void envVarsFile_namesExactlyTheTemplatesFunctionsAndVariables() throws Exception {
        Map<String, Map<String, String>> file = Json.mapper()
                .readValue(RepoPaths.root().resolve(EnvVarsFile.FILE).toFile(), new TypeReference<>() {});
        var functions = Template.load().functions();
        String regenerate = "; regenerate it with infra/local/invoke --write-env-vars";

        assertThat(file.keySet())
                .as("functions" + regenerate)
                .containsExactlyInAnyOrderElementsOf(
                        functions.stream().map(Template.FunctionSpec::logicalId).toList());
        for (var function : functions) {
            assertThat(file.get(function.logicalId()).keySet())
                    .as(function.logicalId() + "'s variables" + regenerate)
                    .containsExactlyInAnyOrderElementsOf(function.environment().keySet());
            // Every function is pointed at the emulator, as seen from SAM's Docker container.
            assertThat(file.get(function.logicalId()).get("AWS_ENDPOINT_URL"))
                    .startsWith("http://host.docker.internal:");
        }
    }
}
