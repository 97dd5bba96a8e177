package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.kokoro.KokoroEngine;
import dev.mana.tts.voices.VoiceStore;

/**
 * {@code POST /v1/tts/synthesize/auto {text, voice?, speed?, output_format?}}: the best engine for
 * the voice. A custom voice id ({@code voice_...}) goes to cloning; a Kokoro voice or mix, or no
 * voice where Kokoro is deployed, to Kokoro; an espeak-ng voice, or no voice without Kokoro, to
 * espeak-ng. The chosen engine and voice come back in {@code X-Tts-Model} and {@code X-Tts-Voice}.
 */
public final class AutoSynthesizeRoute {

    /** The seed's request. */
    public record AutoSynthesizeRequest(String text, String voice, Double speed, String output_format) {}

    private final SpeechEngines engines;
    private final Speaking speaking;
    private final VoiceStore voices;

    public AutoSynthesizeRoute(SpeechEngines engines, Speaking speaking, VoiceStore voices) {
        this.engines = engines;
        this.speaking = speaking;
        this.voices = voices;
    }

    public Route route() {
        return Route.post("/v1/tts/synthesize/auto", this::handle).maxBodyBytes(SynthesizeKokoroRoute.MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        var body = request.json(AutoSynthesizeRequest.class);
        boolean custom = body.voice() != null && body.voice().startsWith("voice_");
        var order = SpeechOrder.check(
                engines,
                SynthesizeKokoroRoute.FIELDS,
                engineFor(body.voice()),
                body.text(),
                custom ? null : body.voice(),
                body.speed(),
                body.output_format(),
                Speaking.JOB_MAX_CHARS);
        if (custom) return SynthesizeRoute.speakCustom(voices, account, body.voice());
        return speaking.answer(request, order);
    }

    private String engineFor(String voice) {
        var kokoro = engines.find(KokoroEngine.ID);
        if (voice == null || voice.startsWith("voice_")) {
            return kokoro.map(SpeechEngine::id).orElse(engines.defaultEngine().id());
        }
        if (kokoro.isPresent() && kokoro.get().speaks(voice)) return KokoroEngine.ID;
        return engines.all().stream()
                .filter(e -> e.speaks(voice))
                .map(SpeechEngine::id)
                .findFirst()
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.INVALID_FIELD,
                        "voice",
                        "Unknown voice '" + voice + "'; GET /v1/tts/voices lists them."));
    }
}
