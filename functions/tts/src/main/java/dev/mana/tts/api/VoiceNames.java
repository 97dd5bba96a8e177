package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.tts.engine.SpeechEngine;
import java.util.Set;

/**
 * A requested voice as the engine knows it. OpenAI's SDKs require a voice and send OpenAI's
 * names (alloy, nova...), so those are accepted too: Kokoro has most of them as voices of its own
 * ({@code af_nova}, {@code am_onyx}); any other engine speaks them in its default voice.
 */
final class VoiceNames {

    static final Set<String> OPENAI =
            Set.of("alloy", "ash", "ballad", "coral", "echo", "fable", "nova", "onyx", "sage", "shimmer", "verse");

    private VoiceNames() {}

    static String resolve(SpeechEngine engine, String voice, String field) {
        if (voice == null) return engine.defaultVoice();
        if (engine.speaks(voice)) return voice;
        if (OPENAI.contains(voice)) {
            return engine.voices().stream()
                    .map(v -> v.id())
                    .filter(id -> id.endsWith("_" + voice))
                    .findFirst()
                    .orElse(engine.defaultVoice());
        }
        throw ApiException.field(
                ErrorCode.INVALID_FIELD,
                field,
                "Unknown voice '" + voice + "' for the model '" + engine.id() + "'; GET /v1/tts/voices lists them.");
    }
}
