package dev.mana.stt.models;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * A model's {@code manifest.json}, beside its files in a directory or an S3 prefix.
 *
 * @param name the id clients pass as {@code model}
 * @param family {@code whisper} (run here on ONNX Runtime) or {@code voxtral} (GPU worker only)
 * @param files role to file name: encoder, decoder, decoderWithPast, config, ...
 * @param languages ISO codes the model transcribes
 * @param device {@code cpu} or {@code gpu}: where it may run
 * @param maxConcurrency windows decoded at once per worker
 * @param pricePerMinute credits per started minute of audio (default 1)
 * @param timestamps whether the model predicts Whisper timestamp tokens
 * @param maxWindowSeconds audio the encoder hears per window (Whisper: 30)
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ModelManifest(
        String name,
        String family,
        String description,
        Map<String, String> files,
        List<String> languages,
        String device,
        Integer maxConcurrency,
        Integer pricePerMinute,
        Boolean timestamps,
        Double maxWindowSeconds) {

    public static final String FILE_NAME = "manifest.json";

    public ModelManifest {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a model manifest needs a name");
        }
        family = family == null ? "whisper" : family;
        files = files == null ? Map.of() : Map.copyOf(files);
        languages = languages == null ? List.of() : List.copyOf(languages);
        device = device == null ? "cpu" : device;
        maxConcurrency = maxConcurrency == null || maxConcurrency < 1 ? 2 : maxConcurrency;
        pricePerMinute = pricePerMinute == null || pricePerMinute < 0 ? 1 : pricePerMinute;
        timestamps = timestamps != null && timestamps;
        maxWindowSeconds =
                maxWindowSeconds == null || maxWindowSeconds <= 0 || maxWindowSeconds > 30 ? 30.0 : maxWindowSeconds;
    }

    public static ModelManifest read(Path file) {
        try {
            return new ObjectMapper().readValue(file.toFile(), ModelManifest.class);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read model manifest " + file, e);
        }
    }

    public boolean gpuOnly() {
        return "gpu".equalsIgnoreCase(device);
    }

    public boolean runsOnWhisperRuntime() {
        return "whisper".equalsIgnoreCase(family);
    }

    /** Whether the model transcribes {@code language}; a model listing none takes any. */
    public boolean speaks(String language) {
        return languages.isEmpty() || languages.stream().anyMatch(l -> l.equalsIgnoreCase(language));
    }
}
