package dev.mana.stt.models;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The speech-to-text models this deployment knows: every {@code NAME/manifest.json} under the
 * models directory (filled from S3 at start-up by {@link S3Models} where configured), plus
 * Voxtral, which only a GPU worker serves. A model whose device is {@code gpu} is available only
 * where a GPU worker is deployed; asking for one that is not answers 503 {@code model_unavailable}.
 */
public final class ModelRegistry {

    /** Voxtral Mini: listed so clients can see it; served only by the GPU worker. */
    public static final ModelManifest VOXTRAL = new ModelManifest(
            "voxtral-mini",
            "voxtral",
            "Mistral Voxtral Mini 3B: speech understanding and transcription; GPU worker only",
            Map.of(),
            List.of("en", "es", "fr", "pt", "hi", "de", "nl", "it"),
            "gpu",
            4,
            3,
            false,
            30.0);

    private final Map<String, ModelEntry> models;

    private ModelRegistry(Map<String, ModelEntry> models) {
        this.models = models;
    }

    /**
     * @param root a directory of model directories, each with a manifest.json (may be absent)
     * @param gpuWorker whether a GPU worker is deployed (GPU-only models are then available)
     */
    public static ModelRegistry scan(Path root, boolean gpuWorker) {
        Map<String, ModelEntry> found = new LinkedHashMap<>();
        for (Path manifestFile : manifests(root)) {
            ModelManifest manifest = ModelManifest.read(manifestFile);
            boolean available = !manifest.gpuOnly() || gpuWorker;
            found.put(
                    manifest.name(),
                    new ModelEntry(
                            manifest,
                            Optional.of(manifestFile.getParent()),
                            available,
                            available ? "" : gpuReason(manifest.name())));
        }
        found.putIfAbsent(
                VOXTRAL.name(),
                new ModelEntry(VOXTRAL, Optional.empty(), gpuWorker, gpuWorker ? "" : gpuReason(VOXTRAL.name())));
        return new ModelRegistry(found);
    }

    private static String gpuReason(String name) {
        return "The model '" + name + "' runs only on the GPU worker, which this deployment does not run.";
    }

    private static List<Path> manifests(Path root) {
        if (root == null || !Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> dirs = Files.list(root)) {
            return dirs.map(d -> d.resolve(ModelManifest.FILE_NAME))
                    .filter(Files::isRegularFile)
                    .sorted()
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list models in " + root, e);
        }
    }

    public List<ModelEntry> all() {
        return List.copyOf(models.values());
    }

    public Optional<ModelEntry> find(String name) {
        return Optional.ofNullable(models.get(name));
    }

    /** The named model, ready to use here: 422 for an unknown name, 503 when it is not deployed. */
    public ModelEntry require(String name) {
        ModelEntry entry = find(name)
                .orElseThrow(() -> ApiException.field(
                                ErrorCode.INVALID_FIELD,
                                "model",
                                "Unknown model '" + name + "'; GET /v1/stt/models lists them.")
                        .with("models", models.keySet().stream().toList()));
        if (!entry.available()) {
            throw new ApiException(ErrorCode.MODEL_UNAVAILABLE, entry.unavailableReason());
        }
        return entry;
    }

    /**
     * {@code auto}: the available model that speaks {@code language} (any, when not given);
     * audio beyond {@code longAudioSeconds} prefers a GPU model where one is deployed (faster on
     * long files), shorter audio the CPU models, which start at once; then the cheapest.
     */
    public ModelEntry pick(Optional<String> language, double durationSeconds, double longAudioSeconds) {
        boolean preferGpu = durationSeconds > longAudioSeconds;
        List<ModelEntry> candidates = new ArrayList<>(models.values().stream()
                .filter(ModelEntry::available)
                .filter(e -> language.map(l -> e.manifest().speaks(l)).orElse(true))
                .toList());
        candidates.sort(
                Comparator.<ModelEntry, Boolean>comparing(e -> e.manifest().gpuOnly() != preferGpu)
                        .thenComparing(e -> e.manifest().pricePerMinute())
                        .thenComparing(ModelEntry::name));
        if (candidates.isEmpty()) {
            throw new ApiException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "No deployed model transcribes "
                            + language.map(l -> "'" + l + "'").orElse("this audio") + ".");
        }
        return candidates.get(0);
    }
}
