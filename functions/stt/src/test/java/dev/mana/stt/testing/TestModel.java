package dev.mana.stt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mana.emulator.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/** The committed test model, models/whisper-tiny-test, and the directory holding it. */
public final class TestModel {
    public static final String NAME = "whisper-tiny-test";

    private TestModel() {}

    public static Path modelsRoot() {
        return RepoPaths.root().resolve("models");
    }

    public static Path directory() {
        Path dir = modelsRoot().resolve(NAME);
        assumeTrue(Files.isRegularFile(dir.resolve("encoder_model.onnx")), "skipped: models/" + NAME + " is absent");
        return dir;
    }
}
