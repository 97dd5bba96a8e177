package dev.mana.tts.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A Kokoro model directory for tests: the generated kokoro-test.onnx (Kokoro's inputs and outputs;
 * see src/test/python/make_kokoro_test_model.py), the real config.json, voices.tsv and af_heart.bin
 * from ../shared/assets/kokoro, and voice packs for every other catalogued voice: af_bella and
 * af_sky are constant (0.3 and 0.6), so a mix is easy to hear; af_nicole's row r is (r+1)/1000,
 * so the row the engine chose can be read off the audio; the rest are links to af_heart.
 */
public final class KokoroFixture {

    /** Samples the test model writes per input token (pads included) at speed 1. */
    public static final int SAMPLES_PER_TOKEN = 1200;

    private KokoroFixture() {}

    public static Path assets() {
        Path assets = Path.of(System.getProperty("mana.shared.dir", "../shared"), "assets", "kokoro");
        if (!Files.isDirectory(assets)) assets = Path.of("../../../shared/assets/kokoro");
        assumeTrue(
                Files.isRegularFile(assets.resolve("config.json")),
                "../shared/assets/kokoro is absent: the Kokoro tests need its config.json, voices.tsv and af_heart.bin");
        return assets;
    }

    public static Path modelDirectory(Path dir) {
        Path assets = assets();
        try {
            try (InputStream model = Objects.requireNonNull(
                    KokoroFixture.class.getResourceAsStream("/kokoro/kokoro-test.onnx"), "kokoro-test.onnx")) {
                Files.copy(model, dir.resolve("kokoro-test.onnx"));
            }
            Files.copy(assets.resolve("config.json"), dir.resolve("config.json"));
            Files.copy(assets.resolve("voices.tsv"), dir.resolve("voices.tsv"));
            Path voices = Files.createDirectories(dir.resolve("voices"));
            Files.copy(assets.resolve("af_heart.bin"), voices.resolve("af_heart.bin"));
            Files.write(voices.resolve("af_bella.bin"), pack(row -> 0.3f));
            Files.write(voices.resolve("af_sky.bin"), pack(row -> -0.6f));
            Files.write(voices.resolve("af_nicole.bin"), pack(row -> (row + 1) / 1000f));
            for (String line : Files.readAllLines(assets.resolve("voices.tsv")).subList(1, 55)) {
                Path file = voices.resolve(line.split("\t")[0] + ".bin");
                if (!Files.exists(file)) Files.createSymbolicLink(file, voices.resolve("af_heart.bin"));
            }
            Files.writeString(dir.resolve("manifest.json"), """
                    {"name": "kokoro-test", "model": "kokoro-test.onnx", "config": "config.json",
                     "voices": "voices", "catalogue": "voices.tsv", "languages": ["en-us", "en-gb"],
                     "device": "cpu", "concurrency": 1}
                    """);
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A 510x256 voice pack whose every value in row r is {@code value(r)}. */
    public static byte[] pack(java.util.function.IntFunction<Float> value) {
        var out = ByteBuffer.allocate(510 * 256 * 4).order(ByteOrder.LITTLE_ENDIAN);
        for (int row = 0; row < 510; row++) {
            float[] values = new float[256];
            Arrays.fill(values, value.apply(row));
            for (float v : values) out.putFloat(v);
        }
        return out.array();
    }

    /** expected-ids.tsv rows: sentence, phonemes, ids (from src/test/python/expected_kokoro_ids.py). */
    public static List<String[]> expectedIds() {
        try (InputStream in = KokoroFixture.class.getResourceAsStream("/kokoro/expected-ids.tsv")) {
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8)
                    .lines()
                    .toList();
            return lines.subList(1, lines.size()).stream()
                    .map(l -> l.split("\t"))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
