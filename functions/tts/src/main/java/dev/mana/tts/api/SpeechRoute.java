package dev.mana.tts.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Charged;
import dev.mana.tts.engine.SpeechEngine;
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
    public static final int MAX_CHARS = 4096;

    static final SpeechOrder.Fields FIELDS =
            new SpeechOrder.Fields("model", "input", "voice", "speed", "response_format");

    private final SpeechEngines engines;
    private final AudioCodecs codecs;
    private final TtsBilling billing;

    public SpeechRoute(SpeechEngines engines, AudioCodecs codecs, TtsBilling billing) {
        this.engines = engines;
        this.codecs = codecs;
        this.billing = billing;
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
        long price = TtsBilling.price(order.engine().id(), order.characters());
        billing.requireCredits(request, price);
        float[] samples = order.engine().speak(order.text(), order.voice(), order.speed());
        byte[] audio = codecs.encode(samples, SpeechEngine.SAMPLE_RATE, order.format());
        Charged charged = billing.charge(request, order.engine().id(), price);
        return charged.onto(ApiResponse.binary(200, order.format().contentType(), audio))
                .withHeader("X-Tts-Model", order.engine().id())
                .withHeader("X-Tts-Voice", order.voice());
    }
}
