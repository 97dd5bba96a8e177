package dev.mana.stt.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.MultipartForm;
import dev.mana.platform.Route;
import dev.mana.stt.service.ResponseFormat;
import java.util.Optional;

/**
 * OpenAI's {@code POST /v1/audio/transcriptions} and {@code POST /v1/audio/translations}
 * (multipart: {@code file}, {@code model}, {@code language}, {@code prompt},
 * {@code response_format} json | text | srt | vtt | verbose_json, {@code temperature},
 * {@code timestamp_granularities[]}), answered as OpenAI answers them, so OpenAI's SDKs work with
 * their base URL pointed here. {@code whisper-1} means this deployment's default model.
 * Translations decode with Whisper's translate task into English.
 */
public final class OpenAiAudioRoute {

    public static final String OPENAI_MODEL = "whisper-1";

    private final SyncTranscription sync;
    private final String defaultModel;
    private final boolean translate;

    private OpenAiAudioRoute(SyncTranscription sync, String defaultModel, boolean translate) {
        this.sync = sync;
        this.defaultModel = defaultModel;
        this.translate = translate;
    }

    public static OpenAiAudioRoute transcriptions(SyncTranscription sync, String defaultModel) {
        return new OpenAiAudioRoute(sync, defaultModel, false);
    }

    public static OpenAiAudioRoute translations(SyncTranscription sync, String defaultModel) {
        return new OpenAiAudioRoute(sync, defaultModel, true);
    }

    public Route route() {
        String path = translate ? "/v1/audio/translations" : "/v1/audio/transcriptions";
        return Route.post(path, this::handle)
                .maxBodyBytes(SyncTranscription.MAX_BODY_BYTES)
                .consumes("multipart/form-data");
    }

    ApiResponse handle(ApiRequest request) {
        MultipartForm form = MultipartForm.parse(request);
        String model = form.text("model")
                .orElseThrow(
                        () -> ApiException.field(ErrorCode.MISSING_FIELD, "model", "The field 'model' is required."));
        String resolved = model.equals(OPENAI_MODEL) ? defaultModel : model;
        var grains = form.all("timestamp_granularities[]").stream()
                .map(p -> p.text().strip())
                .toList();
        var options = FormOptions.check(
                resolved,
                translate ? Optional.empty() : form.text("language"),
                translate,
                form.text("prompt"),
                form.text("temperature"),
                form.text("response_format"),
                ResponseFormat.JSON,
                grains,
                "response_format");
        if (!grains.isEmpty() && options.responseFormat() != ResponseFormat.VERBOSE_JSON) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "timestamp_granularities[]",
                    "timestamp_granularities[] needs response_format verbose_json.");
        }
        var entry = sync.engine().registry().require(resolved);
        return sync.run(request, form, seconds -> entry, name -> options);
    }
}
