package dev.mana.tts;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.OpenApiContract;
import dev.mana.platform.Environment;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class TtsRoutesContractTest {
    @Test
    void everyRoute_isInOpenApi_andViceVersa(EmulatedStack stack) {
        Environment.override(stack.environment("TtsFunction"));
        OpenApiContract.assertRoutesMatch("TtsFunction", TtsApplication.api().router());
    }
}
