package dev.mana.docs;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.SampleEvents;
import java.nio.file.Files;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.extension.ExtendWith;

/** The sample events of events/docs through the same invoker as Lambda. */
@ExtendWith(AwsEmulatorExtension.class)
class DocsEventsTest {
    @TestFactory
    Stream<DynamicTest> everyDocsEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(DocsApplication.class, stack, "DocsFunction");
        return SampleEvents.tests("docs", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
