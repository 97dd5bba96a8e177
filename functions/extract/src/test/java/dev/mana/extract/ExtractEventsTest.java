package dev.mana.extract;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.SampleEvents;
import java.nio.file.Files;
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
    Stream<DynamicTest> everyExtractEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(ExtractApplication.class, stack, "ExtractFunction");
        return SampleEvents.tests("extract", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
