package dev.mana.tts.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.kokoro.KokoroEngine;

/**
 * {@code POST /v1/tts/synthesize/kokoro {text, voice?, speed?, output_format?}} (the seed's body):
 * Kokoro-82M, a preset voice or a mix ({@code af_bella(2)+af_sky(1)}). Up to 4,096 characters
 * answer the audio; up to 100,000 become a {@code tts} job (202). 503 {@code model_unavailable}
 * where Kokoro is not deployed.
 */
public final class SynthesizeKokoroRoute {

    /** The seed's request. */
    public record SynthesizeKokoroRequest(String text, String voice, Double speed, String output_format) {}

    static final SpeechOrder.Fields FIELDS = new SpeechOrder.Fields("model", "text", "voice", "speed", "output_format");
    /** 100,000 characters of JSON-escaped text. */
    static final int MAX_BODY_BYTES = 1024 * 1024;

    private final SpeechEngines engines;
    private final Speaking speaking;

    public SynthesizeKokoroRoute(SpeechEngines engines, Speaking speaking) {
        this.engines = engines;
        this.speaking = speaking;
    }

    public Route route() {
        return Route.post("/v1/tts/synthesize/kokoro", this::handle).maxBodyBytes(MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        var body = request.json(SynthesizeKokoroRequest.class);
        var order = SpeechOrder.check(
                engines,
                FIELDS,
                KokoroEngine.ID,
                body.text(),
                body.voice(),
                body.speed(),
                body.output_format(),
                Speaking.JOB_MAX_CHARS);
        return speaking.answer(request, order);
    }
}
