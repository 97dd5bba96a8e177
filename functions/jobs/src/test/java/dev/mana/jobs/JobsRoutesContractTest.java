package dev.mana.jobs;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.OpenApiContract;
import dev.mana.platform.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class JobsRoutesContractTest {
    @Test
    void everyRoute_isInOpenApi_andViceVersa(EmulatedStack stack) {
        Environment.override(stack.environment("JobsFunction"));
        OpenApiContract.assertRoutesMatch("JobsFunction", JobsApplication.api().router());
    }
}
