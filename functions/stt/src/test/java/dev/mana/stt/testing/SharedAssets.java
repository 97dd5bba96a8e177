package dev.mana.stt.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mana.emulator.RepoPaths;
import java.nio.file.Files;
import java.nio.file.Path;

/** Files under ../shared (assets and fixtures); a test that needs an absent one is skipped, saying which. */
public final class SharedAssets {
    private SharedAssets() {}

    public static Path require(String relative) {
        Path file = RepoPaths.shared().map(dir -> dir.resolve(relative)).orElse(null);
        assumeTrue(file != null && Files.exists(file), "skipped: ../shared/" + relative + " is absent");
        return file;
    }

    public static Path melFilters() {
        return require("assets/whisper/mel_filters.npz");
    }
}
