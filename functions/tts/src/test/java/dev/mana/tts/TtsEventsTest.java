package dev.mana.tts;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.SampleEvents;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample events of events/tts through the same invoker as Lambda, with the template's environment. */
@ExtendWith(AwsEmulatorExtension.class)
class TtsEventsTest {
    @TestFactory
    Stream<DynamicTest> everyTtsEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(TtsApplication.class, stack, "TtsFunction");
        return SampleEvents.tests("tts", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
