package dev.mana.tts.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.tts.engine.SpeechEngines;

/**
 * {@code POST /v1/audio/speech}, OpenAI's speech route: body {@code {model?, input, voice?,
 * response_format?, speed?}}, answer the audio bytes with their Content-Type, so OpenAI's SDKs
 * work by changing the base URL. {@code model} is an engine ("espeak", "kokoro"); left out, the
 * deployment's default engine and its default voice speak. {@code pcm} is 24 kHz 16-bit mono
 * little-endian, as OpenAI's.
 */
public final class SpeechRoute {

    /** The request, with OpenAI's field names. */
    public record SpeechRequest(String model, String input, String voice, String response_format, Double speed) {}

    /** OpenAI's own limit for this route. */
    public static final int MAX_CHARS = Speaking.DIRECT_MAX_CHARS;

    static final SpeechOrder.Fields FIELDS =
            new SpeechOrder.Fields("model", "input", "voice", "speed", "response_format");

    private final SpeechEngines engines;
    private final Speaking speaking;

    public SpeechRoute(SpeechEngines engines, Speaking speaking) {
        this.engines = engines;
        this.speaking = speaking;
    }

    public Route route() {
        return Route.post("/v1/audio/speech", this::handle).maxBodyBytes(64 * 1024);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        SpeechRequest body = request.json(SpeechRequest.class);
        SpeechOrder order = SpeechOrder.check(
                engines,
                FIELDS,
                body.model(),
                body.input(),
                body.voice(),
                body.speed(),
                body.response_format(),
                MAX_CHARS);
        return speaking.answer(request, order);
    }
}
