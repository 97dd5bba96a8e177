package dev.mana.extract;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyResponse;
import dev.mana.emulator.RepoPaths;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The sample events of events/extract through the same invoker as Lambda, with the template's
 * environment as is (MANA_FETCH_ALLOW_CIDRS empty, no credits granted), as infra/local's EventsIT
 * runs them: each answers the status expected-status.properties gives it, without the network.
 */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractEventsTest {
    @TestFactory
    Stream<DynamicTest> everyExtractEvent_answersItsExpectedStatus(EmulatedStack stack) throws Exception {
        Path events = RepoPaths.events();
        var expected = new Properties();
        try (Reader reader = Files.newBufferedReader(events.resolve("expected-status.properties"))) {
            expected.load(reader);
        }
        var harness = LambdaHarness.start(ExtractApplication.class, stack, "ExtractFunction");
        try (var files = Files.list(events.resolve("extract"))) {
            var list =
                    files.filter(p -> p.toString().endsWith(".json")).sorted().toList();
            assertThat(list).isNotEmpty();
            return list.stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String name = events.relativize(file).toString();
                        assertThat(expected.getProperty(name))
                                .as(name + " in expected-status.properties")
                                .isNotNull();
                        var response = ProxyResponse.parse(harness.invoke(Files.readAllBytes(file)));
                        assertThat(response.status())
                                .as(name + ": " + response.text())
                                .isEqualTo(Integer.parseInt(expected.getProperty(name)));
                        assertThat(response.header("X-Request-Id")).isNotBlank();
                    }));
        }
    }
}
