package dev.mana.tts.engine;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The engines this deployment runs, by id, and its default (the one a request that names no
 * {@code model} gets). An engine the API knows but this deployment lacks (Kokoro without its
 * model directory) answers 503 {@code model_unavailable}, never a hang.
 */
public final class SpeechEngines {

    /** Every engine id the API knows, deployed here or not. */
    public static final List<String> KNOWN = List.of("espeak", "kokoro");

    private final Map<String, SpeechEngine> deployed = new LinkedHashMap<>();
    private final String defaultId;

    public SpeechEngines(List<SpeechEngine> engines, String defaultId) {
        engines.forEach(engine -> deployed.put(engine.id(), engine));
        if (!deployed.containsKey(defaultId)) {
            throw new IllegalArgumentException(
                    "default engine " + defaultId + " is not deployed: " + deployed.keySet());
        }
        this.defaultId = defaultId;
    }

    public SpeechEngine defaultEngine() {
        return deployed.get(defaultId);
    }

    public List<SpeechEngine> all() {
        return List.copyOf(deployed.values());
    }

    public Optional<SpeechEngine> find(String id) {
        return Optional.ofNullable(deployed.get(id));
    }

    /** The engine a request names in {@code field} (its default when absent); 422 or 503 otherwise. */
    public SpeechEngine require(String id, String field) {
        if (id == null) return defaultEngine();
        SpeechEngine engine = deployed.get(id);
        if (engine != null) return engine;
        if (KNOWN.contains(id)) {
            throw new ApiException(
                            ErrorCode.MODEL_UNAVAILABLE,
                            "The model '" + id + "' is not deployed here; use one of " + deployed.keySet() + ".")
                    .with("field", field);
        }
        throw ApiException.field(
                ErrorCode.INVALID_FIELD, field, "Unknown model '" + id + "'; use one of " + deployed.keySet() + ".");
    }
}
