package dev.mana.stt.service;

import dev.mana.platform.Environment;
import dev.mana.stt.onnx.Device;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * The STT function's and workers' configuration, from the environment.
 *
 * @param modelsDir model directories, each with a manifest.json ({@code STT_MODELS_DIR})
 * @param assetDirs searched for mel_filters.npz, multilingual.tiktoken and silero_vad.onnx
 *     ({@code STT_ASSET_DIRS}, comma-separated)
 * @param gpuWorker a GPU worker is deployed: GPU-only models are available ({@code STT_GPU_WORKER})
 * @param device where this process runs models ({@code STT_DEVICE}: cpu, or gpu on the ECS service)
 * @param syncMaxSeconds audio longer than this on a sync route becomes a job ({@code STT_SYNC_MAX_SECONDS})
 * @param maxDurationSeconds the longest audio accepted at all ({@code STT_MAX_DURATION_SECONDS})
 * @param longAudioSeconds {@code auto} prefers a GPU model beyond this ({@code STT_LONG_AUDIO_SECONDS})
 * @param threads windows decoded at once in this process ({@code STT_THREADS}; 0: the cores)
 */
public record SttSettings(
        Path modelsDir,
        List<Path> assetDirs,
        String modelsS3,
        boolean gpuWorker,
        Device device,
        int syncMaxSeconds,
        int maxDurationSeconds,
        int longAudioSeconds,
        int threads) {

    public static SttSettings fromEnvironment() {
        return new SttSettings(
                locate(Path.of(Environment.get("STT_MODELS_DIR", "models")), SttSettings::holdsModels),
                // ../shared's copies last: found from a clone's root (local runtime, tests), absent in images.
                Arrays.stream((Environment.get("STT_ASSET_DIRS", "assets")
                                        + ",../shared/assets/whisper,../shared/assets/silero-vad")
                                .split(","))
                        .map(String::strip)
                        .filter(s -> !s.isEmpty())
                        .map(Path::of)
                        .map(dir -> locate(dir, java.nio.file.Files::isDirectory))
                        .toList(),
                Environment.get("STT_MODELS_S3", ""),
                Boolean.parseBoolean(Environment.get("STT_GPU_WORKER", "false")),
                Device.fromId(Environment.get("STT_DEVICE", "cpu")),
                Environment.getInt("STT_SYNC_MAX_SECONDS", 120),
                Environment.getInt("STT_MAX_DURATION_SECONDS", 4 * 3600),
                Environment.getInt("STT_LONG_AUDIO_SECONDS", 600),
                Environment.getInt("STT_THREADS", 0));
    }

    /**
     * A relative directory as the working directory or its nearest ancestor holds it: Lambda runs
     * in the task root (where the image puts {@code models/}); the local runtime and tests run in a
     * module of the clone, whose root holds {@code models/} and whose sibling is {@code ../shared}.
     */
    static Path locate(Path dir, java.util.function.Predicate<Path> accept) {
        if (dir.isAbsolute()) {
            return dir;
        }
        for (Path base = Path.of("").toAbsolutePath(); base != null; base = base.getParent()) {
            if (accept.test(base.resolve(dir))) {
                return base.resolve(dir).normalize();
            }
        }
        return dir;
    }

    private static boolean holdsModels(Path dir) {
        try (var children = java.nio.file.Files.list(dir)) {
            return children.anyMatch(d -> java.nio.file.Files.isRegularFile(d.resolve("manifest.json")));
        } catch (java.io.IOException e) {
            return false;
        }
    }

    public int threadCount() {
        return threads > 0 ? threads : Runtime.getRuntime().availableProcessors();
    }
}
