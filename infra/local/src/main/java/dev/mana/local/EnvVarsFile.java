package dev.mana.local;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import dev.mana.platform.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code infra/local/invoke --write-env-vars}: writes {@code events/env.local.json}, the
 * {@code --env-vars} file of {@code sam local invoke}, from template.yaml: for every function,
 * every variable the template gives it, resolved against the local stack ({@code mana-local}, the
 * one infra/local/start uses) in the AWS emulator. SAM runs functions in Docker, so loopback
 * addresses become {@code host.docker.internal}. Regenerate it when template.yaml's functions or
 * variables change (EnvVarsFileIT fails until then) or for another emulator.
 */
public final class EnvVarsFile {
    static final Path FILE = Path.of("events/env.local.json");

    private EnvVarsFile() {}

    static Map<String, Map<String, String>> of(EmulatedStack stack) {
        String dockerEndpoint = forDocker(stack.endpoint().toString());
        var file = new LinkedHashMap<String, Map<String, String>>();
        for (var function : stack.template().functions()) {
            Map<String, String> resolved = stack.environment(function.logicalId());
            var variables = new LinkedHashMap<String, String>();
            for (String name : function.environment().keySet()) {
                variables.put(name, name.equals("AWS_ENDPOINT_URL") ? dockerEndpoint : forDocker(resolved.get(name)));
            }
            file.put(function.logicalId(), variables);
        }
        return file;
    }

    private static String forDocker(String value) {
        return value == null
                ? ""
                : value.replace("://127.0.0.1:", "://host.docker.internal:")
                        .replace("://localhost:", "://host.docker.internal:");
    }

    public static void main(String[] args) throws Exception {
        QuietStdout.install();
        var stack = EmulatedStack.create(LocalApi.STACK, AwsEmulator.endpoint(), Template.load());
        Path target = RepoPaths.root().resolve(FILE);
        Files.writeString(target, Json.mapper().writerWithDefaultPrettyPrinter().writeValueAsString(of(stack)) + "\n");
        System.out.println("wrote " + FILE + " for the emulator at " + stack.endpoint());
        System.exit(0);
    }
}
