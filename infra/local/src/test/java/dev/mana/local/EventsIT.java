package dev.mana.local;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.SampleEvents;
import java.nio.file.Files;
import java.util.HashMap;
import java.util.Map;
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
        try (var folders = Files.list(RepoPaths.events())) {
            return folders
                    .filter(Files::isDirectory)
                    .map(folder -> folder.getFileName().toString())
                    // REQUEST authorizer events (infra/local/cold-start's input) answer a policy, not a response.
                    .filter(folder -> !folder.equals("authorizer"))
                    // Queue and schedule events (TriggerEventsIT) answer no HTTP response either.
                    .filter(folder -> !folder.equals("triggers"))
                    .sorted()
                    .toList()
                    .stream()
                    // One sandbox per function, as one warm Lambda container serves many events.
                    .flatMap(folder -> SampleEvents.tests(
                            folder, file -> Invoke.run(sandboxes.computeIfAbsent(folder, f -> load(stack, f)), file)));
        }
    }
}
