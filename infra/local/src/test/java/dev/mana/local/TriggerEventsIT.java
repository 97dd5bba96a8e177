package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.Template;
import dev.mana.platform.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * events/triggers/: a sample event for every function that no HTTP route calls (queue workers,
 * dead-letter handlers, webhook retries, the monthly grant), named {@code <LogicalId>-<case>.json},
 * for {@code infra/local/invoke} and {@code sam local invoke}. Each runs through its function.
 */
@ExtendWith(AwsEmulatorExtension.class)
class TriggerEventsIT {
    private static final Path TRIGGERS = RepoPaths.events().resolve("triggers");

    @Test
    void everyFunctionTriggeredByAQueueOrASchedule_hasASampleEvent() throws Exception {
        List<String> names;
        try (var files = Files.list(TRIGGERS)) {
            names = files.map(f -> f.getFileName().toString()).toList();
        }
        for (var function : Template.load().functions()) {
            if (eventTypes(function.logicalId()).stream().noneMatch(t -> t.equals("SQS") || t.equals("Schedule")))
                continue;
            assertThat(names).as(function.logicalId()).anyMatch(n -> n.startsWith(function.logicalId() + "-"));
        }
    }

    @TestFactory
    Stream<DynamicTest> everyTriggerEvent_runsThroughItsFunction(EmulatedStack stack) throws Exception {
        List<Path> files;
        try (var list = Files.list(TRIGGERS)) {
            files = list.filter(f -> f.toString().endsWith(".json")).sorted().toList();
        }
        return files.stream()
                .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                    String function = file.getFileName().toString().split("-", 2)[0];
                    try (var sandbox = Invoke.load(stack, function)) {
                        var answer = Json.mapper().readTree(Invoke.run(sandbox, file));
                        if (eventTypes(function).contains("SQS")) {
                            // Lambda's partial batch response: the messages to retry, if any.
                            assertThat(answer.path("batchItemFailures").isArray())
                                    .as(answer.toString())
                                    .isTrue();
                        } else {
                            assertThat(answer.isObject()).as(answer.toString()).isTrue();
                        }
                    }
                }));
    }

    @SuppressWarnings("unchecked")
    private static List<String> eventTypes(String logicalId) {
        var resources = (Map<String, Object>) Template.load().document().get("Resources");
        var properties = (Map<String, Object>) ((Map<String, Object>) resources.get(logicalId)).get("Properties");
        var events = (Map<String, Object>) properties.getOrDefault("Events", Map.of());
        return events.values().stream()
                .map(e -> String.valueOf(((Map<String, Object>) e).get("Type")))
                .toList();
    }
}
