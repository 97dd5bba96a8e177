package dev.mana.stt.service;

import ai.onnxruntime.OrtException;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.stt.Transcriber;
import dev.mana.stt.models.ModelEntry;
import dev.mana.stt.models.ModelRegistry;
import dev.mana.stt.onnx.Device;
import dev.mana.stt.vad.SileroVad;
import dev.mana.stt.whisper.WhisperModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The models of one process: the registry, and each Whisper model loaded on first use (ONNX
 * sessions are built once per container and shared by all requests), with Silero VAD and one
 * pool of decoding threads.
 */
public final class SpeechEngine implements AutoCloseable {

    private final SttSettings settings;
    private final ModelRegistry registry;
    private final ExecutorService pool;
    private final Map<String, Transcriber> loaded = new ConcurrentHashMap<>();
    private volatile SileroVad vad;

    public SpeechEngine(SttSettings settings, ModelRegistry registry) {
        this.settings = settings;
        this.registry = registry;
        this.pool = Executors.newFixedThreadPool(settings.threadCount(), r -> {
            Thread t = new Thread(r, "stt-window");
            t.setDaemon(true);
            return t;
        });
    }

    public SttSettings settings() {
        return settings;
    }

    public ModelRegistry registry() {
        return registry;
    }

    /** The transcriber of a Whisper model available here; Voxtral and the like never load here. */
    public Transcriber transcriber(ModelEntry entry) {
        if (!entry.manifest().runsOnWhisperRuntime() || entry.directory().isEmpty()) {
            throw new ApiException(
                    ErrorCode.MODEL_UNAVAILABLE,
                    "The model '" + entry.name() + "' is served only by the GPU worker; use the async job route.");
        }
        return loaded.computeIfAbsent(entry.name(), name -> load(entry));
    }

    private Transcriber load(ModelEntry entry) {
        try {
            Device device = entry.manifest().gpuOnly() ? Device.GPU : settings.device();
            // One intra-op thread per session: parallelism comes from decoding windows at once.
            WhisperModel model = WhisperModel.load(entry.directory().orElseThrow(), settings.assetDirs(), device, 1);
            return new Transcriber(model, vad(), pool, entry.manifest().maxWindowSeconds());
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load model " + entry.name(), e);
        }
    }

    private SileroVad vad() throws OrtException {
        if (vad == null) {
            synchronized (this) {
                if (vad == null) {
                    vad = SileroVad.load(asset("silero_vad.onnx"));
                }
            }
        }
        return vad;
    }

    private Path asset(String name) {
        return settings.assetDirs().stream()
                .map(d -> d.resolve(name))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException(name + " is in none of " + settings.assetDirs()));
    }

    @Override
    public void close() throws Exception {
        pool.shutdownNow();
        for (Transcriber t : loaded.values()) {
            t.model().close();
        }
        if (vad != null) {
            vad.close();
        }
    }
}
