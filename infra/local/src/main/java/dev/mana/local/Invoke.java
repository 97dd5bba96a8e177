package dev.mana.local;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.Template;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * {@code infra/local/invoke FUNCTION EVENT.json}: runs one function on one event file and
 * prints its response, as {@code sam local invoke} does, against the local stack.
 */
public final class Invoke {
    private Invoke() {}

    /** The function's raw response to the event, from its deployment jar. */
    public static byte[] run(EmulatedStack stack, String function, Path event) throws Exception {
        try (var sandbox = load(stack, function)) {
            return run(sandbox, event);
        }
    }

    /** The function (a module name such as auth, or AuthFunction) from its deployment jar. */
    static FunctionSandbox load(EmulatedStack stack, String function) throws Exception {
        return load(stack, function, Map.of());
    }

    /** @param overrides set on top of the function's template.yaml environment */
    static FunctionSandbox load(EmulatedStack stack, String function, Map<String, String> overrides) throws Exception {
        return LocalFunctions.load(stack, LocalFunctions.logicalId(stack.template(), function), overrides);
    }

    static byte[] run(FunctionSandbox sandbox, Path event) throws Exception {
        return sandbox.invoke(Files.readAllBytes(event));
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: infra/local/invoke FUNCTION EVENT.json   (FUNCTION: AuthFunction or auth)");
            System.exit(2);
        }
        QuietStdout.install();
        try {
            var template = Template.load();
            var stack = EmulatedStack.create(LocalApi.STACK, AwsEmulator.endpoint(), template);
            try (var sandbox = load(stack, args[0], LocalEnvironment.overrides(template, System.getenv()))) {
                System.out.println(new String(run(sandbox, Path.of(args[1])), StandardCharsets.UTF_8));
            }
        } catch (Exception e) {
            System.err.println("infra/local/invoke failed: " + LocalApi.rootMessage(e));
            System.exit(1);
        }
        System.exit(0);
    }
}
