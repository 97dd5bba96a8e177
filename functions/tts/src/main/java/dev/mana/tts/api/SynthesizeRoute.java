package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.voices.VoiceStore;

/**
 * {@code POST /v1/tts/synthesize {text, voiceId, speed?, output_format?}}: speech in one of the
 * account's custom voices (the seed's F5-TTS cloning). The text, speed and format are checked as
 * everywhere; a voice the account does not have is 404 (another account's too); then, as no GPU
 * worker for cloning is deployed, 503 {@code model_unavailable}. Nothing is charged.
 */
public final class SynthesizeRoute {

    /** The seed's request. */
    public record SynthesizeRequest(String text, String voiceId, Double speed, String output_format) {}

    private final SpeechEngines engines;
    private final VoiceStore voices;

    public SynthesizeRoute(SpeechEngines engines, VoiceStore voices) {
        this.engines = engines;
        this.voices = voices;
    }

    public Route route() {
        return Route.post("/v1/tts/synthesize", this::handle).maxBodyBytes(SynthesizeKokoroRoute.MAX_BODY_BYTES);
    }

    ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        var body = request.json(SynthesizeRequest.class);
        if (body.voiceId() == null) {
            throw ApiException.field(ErrorCode.MISSING_FIELD, "voiceId", "The field 'voiceId' is required.");
        }
        // The text, speed and format as the default engine would take them; the voice is checked below.
        SpeechOrder.check(
                engines,
                SynthesizeKokoroRoute.FIELDS,
                null,
                body.text(),
                null,
                body.speed(),
                body.output_format(),
                Speaking.JOB_MAX_CHARS);
        return speakCustom(voices, account, body.voiceId());
    }

    /** A custom voice's answer: 404 unless the account has it, else 503 until a cloning worker exists. */
    static ApiResponse speakCustom(VoiceStore voices, String account, String voiceId) {
        voices.get(account, voiceId)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No voice " + voiceId + " in this account.")
                        .with("field", "voiceId"));
        throw new ApiException(
                        ErrorCode.MODEL_UNAVAILABLE,
                        "Custom voices speak on the GPU worker, which is not deployed here; nothing was charged.")
                .withHeader("Retry-After", "3600");
    }
}
