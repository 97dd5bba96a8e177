package dev.mana.auth;

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
 * The sample events of events/auth through the same invoker as Lambda, in file order on one
 * stack (as infra/local's EventsIT runs them from the jar): each answers the status
 * expected-status.properties gives it.
 */
@ExtendWith(AwsEmulatorExtension.class)
class AuthEventsTest {
    @TestFactory
    Stream<DynamicTest> everyAuthEvent_answersItsExpectedStatus(EmulatedStack stack) throws Exception {
        Path events = RepoPaths.events();
        var expected = new Properties();
        try (Reader reader = Files.newBufferedReader(events.resolve("expected-status.properties"))) {
            expected.load(reader);
        }
        var harness = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
        try (var files = Files.list(events.resolve("auth"))) {
            return files.filter(p -> p.toString().endsWith(".json")).sorted().toList().stream()
                    .map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
                        String name = events.relativize(file).toString();
                        assertThat(expected.getProperty(name))
                                .as(name + " in expected-status.properties")
                                .isNotNull();
                        var response = ProxyResponse.parse(harness.invoke(Files.readAllBytes(file)));
                        assertThat(response.status())
                                .as(name + ": " + response.text())
                                .isEqualTo(Integer.parseInt(expected.getProperty(name)));
                    }));
        }
    }
}
