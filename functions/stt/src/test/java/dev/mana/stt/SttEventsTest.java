package dev.mana.stt;

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
 * The sample events of events/stt through the same invoker as Lambda, with the template's
 * environment as is, as infra/local's EventsIT runs them: each answers its expected status.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SttEventsTest {
    @TestFactory
    Stream<DynamicTest> everySttEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(SttApplication.class, stack, "SttFunction");
        return SampleEvents.tests("stt", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
