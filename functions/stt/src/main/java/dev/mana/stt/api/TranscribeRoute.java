package dev.mana.stt.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.MultipartForm;
import dev.mana.platform.Route;
import dev.mana.stt.service.ResponseFormat;
import java.util.List;

/**
 * {@code POST /v1/stt/transcribe} (multipart: {@code file}, {@code language?}, {@code model?},
 * {@code prompt?}): the seed's route. Answers {@code {text, language, duration, model, segments}};
 * without {@code model}, the deployment's default ({@code STT_DEFAULT_MODEL}).
 */
public final class TranscribeRoute {

    private final SyncTranscription sync;
    private final String defaultModel;

    public TranscribeRoute(SyncTranscription sync, String defaultModel) {
        this.sync = sync;
        this.defaultModel = defaultModel;
    }

    public Route route() {
        return Route.post("/v1/stt/transcribe", this::handle)
                .maxBodyBytes(SyncTranscription.MAX_BODY_BYTES)
                .consumes("multipart/form-data");
    }

    ApiResponse handle(ApiRequest request) {
        MultipartForm form = MultipartForm.parse(request);
        String model = form.text("model").orElse(defaultModel);
        var options = FormOptions.check(
                model,
                form.text("language"),
                false,
                form.text("prompt"),
                form.text("temperature"),
                java.util.Optional.empty(),
                ResponseFormat.MANA,
                List.of(),
                "response_format");
        var entry = sync.engine().registry().require(model);
        return sync.run(request, form, seconds -> entry, name -> options);
    }
}
