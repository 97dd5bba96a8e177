package dev.mana.auth;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.SampleEvents;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample events of events/auth through the same invoker as Lambda, in file order on one stack. */
@ExtendWith(AwsEmulatorExtension.class)
class AuthEventsTest {
    @TestFactory
    Stream<DynamicTest> everyAuthEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
        return SampleEvents.tests("auth", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
