package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import dev.mana.emulator.RepoPaths;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every file in events/ through infra/local/invoke's path: the function's deployment jar. */
@ExtendWith(AwsEmulatorExtension.class)
class EventsIT {
    private final Map<String, FunctionSandbox> sandboxes = new HashMap<>();

    @AfterEach
    void close() throws Exception {
        for (var sandbox : sandboxes.values()) sandbox.close();
    }

    private static FunctionSandbox load(EmulatedStack stack, String function) {
        try {
            return Invoke.load(stack, function);
        } catch (Exception e) {
            throw new IllegalStateException("cannot load " + function, e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyEvent_answersItsExpectedStatus(EmulatedStack stack) throws Exception {
        Path events = RepoPaths.events();
        var expected = new Properties();
        try (Reader reader = Files.newBufferedReader(events.resolve("expected-status.properties"))) {
            expected.load(reader);
        }
        var files = Files.walk(events)
                .filter(p -> p.toString().endsWith(".json"))
                // REQUEST authorizer events (infra/local/cold-start's input) answer a policy, not a response.
                .filter(p -> !events.relativize(p).startsWith("authorizer"))
                .sorted()
                .toList();
        assertThat(files).isNotEmpty();
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(events.relativize(file).toString(), () -> {
                    String name = events.relativize(file).toString();
                    assertThat(expected.getProperty(name))
                            .as("expected status of " + name + " in expected-status.properties")
                            .isNotNull();
                    String function = events.relativize(file).getName(0).toString();
                    // One sandbox per function, as one warm Lambda container serves many events.
                    var sandbox = sandboxes.computeIfAbsent(function, f -> load(stack, f));
                    var response = ProxyResponse.parse(Invoke.run(sandbox, file));
                    assertThat(response.status())
                            .as(name + ": " + response.text())
                            .isEqualTo(Integer.parseInt(expected.getProperty(name)));
                    assertThat(response.header("X-Request-Id")).isNotBlank();
                    if (response.body().length > 0) {
                        assertThat(response.header("Content-Type")).matches("application/(problem\\+)?json.*");
                    }
                }));
    }
}
