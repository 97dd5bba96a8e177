package dev.mana.tts.kokoro;

import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code manifest.json} of a Kokoro model directory (written by infra/models/fetch-kokoro): the
 * files by role, relative to the directory, and how the model runs.
 *
 * @param model the ONNX graph, e.g. {@code kokoro-v1.0.onnx}
 * @param config config.json with the vocabulary
 * @param voices the folder of {@code <id>.bin} voice packs
 * @param catalogue voices.tsv: id, name, language, gender
 * @param device {@code cpu} or {@code cuda}
 * @param concurrency syntheses one worker runs at once
 */
public record KokoroManifest(
        String name,
        String model,
        String config,
        String voices,
        String catalogue,
        List<String> languages,
        String device,
        Integer concurrency) {

    public static final String FILE = "manifest.json";

    public static KokoroManifest read(Path directory) {
        try {
            return Json.mapper().readValue(Files.readAllBytes(directory.resolve(FILE)), KokoroManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + directory.resolve(FILE), e);
        }
    }
}
