package dev.mana.stt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mana.emulator.RepoPaths;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A randomly initialised Whisper-shaped ONNX model, exported once per build into
 * {@code target/random-whisper} by {@code src/test/generator/random_whisper.py}. It needs
 * {@code /usr/bin/python3} with torch and onnx; tests that use it are skipped, saying so, where
 * those are absent.
 */
public final class RandomWhisper {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    private RandomWhisper() {}

    public static synchronized Path directory() throws IOException, InterruptedException {
        Path module = RepoPaths.root().resolve("functions/stt");
        Path out = module.resolve("target/random-whisper");
        if (Files.isRegularFile(out.resolve("config.json"))) {
            return out;
        }
        assumeTrue(Files.isExecutable(PYTHON), "skipped: /usr/bin/python3 (with torch and onnx) is absent");
        Process process = new ProcessBuilder(
                        PYTHON.toString(),
                        module.resolve("src/test/generator/random_whisper.py").toString(),
                        out.toString(),
                        "7")
                .redirectErrorStream(true)
                .redirectOutput(module.resolve("target/random-whisper.log").toFile())
                .start();
        boolean done = process.waitFor(5, TimeUnit.MINUTES);
        assumeTrue(
                done && process.exitValue() == 0,
                "skipped: random_whisper.py failed (torch/onnx missing?), see target/random-whisper.log");
        return out;
    }
}
