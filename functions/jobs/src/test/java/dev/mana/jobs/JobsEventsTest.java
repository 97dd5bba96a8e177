package dev.mana.jobs;

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
 * The sample events of events/jobs through the same invoker as Lambda, with the template's
 * environment as is, as infra/local's EventsIT
 * runs them: each answers the status expected-status.properties gives it, without the network.
 */
@ExtendWith(AwsEmulatorExtension.class)
class JobsEventsTest {
    @TestFactory
    Stream<DynamicTest> everyJobsEvent_answersItsExpectedStatus(EmulatedStack stack) {
        var harness = LambdaHarness.start(JobsApplication.class, stack, "JobsFunction");
        return SampleEvents.tests("jobs", file -> harness.invoke(Files.readAllBytes(file)));
    }
}
