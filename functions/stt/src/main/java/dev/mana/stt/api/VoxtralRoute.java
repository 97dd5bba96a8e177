package dev.mana.stt.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.MultipartForm;
import dev.mana.platform.Route;
import dev.mana.stt.models.ModelRegistry;
import dev.mana.stt.service.ResponseFormat;
import java.util.List;
import java.util.Optional;

/**
 * {@code POST /v1/stt/transcribe/voxtral}: Voxtral, which runs only on the GPU worker. Without
 * one deployed: 503 {@code model_unavailable} saying so, before the audio is even read; with one,
 * the audio becomes a job for it (202).
 */
public final class VoxtralRoute {

    private final SyncTranscription sync;

    public VoxtralRoute(SyncTranscription sync) {
        this.sync = sync;
    }

    public Route route() {
        return Route.post("/v1/stt/transcribe/voxtral", this::handle)
                .maxBodyBytes(SyncTranscription.MAX_BODY_BYTES)
                .consumes("multipart/form-data");
    }

    ApiResponse handle(ApiRequest request) {
        var entry = sync.engine().registry().require(ModelRegistry.VOXTRAL.name());
        MultipartForm form = MultipartForm.parse(request);
        var options = FormOptions.check(
                entry.name(),
                form.text("language"),
                false,
                form.text("prompt"),
                Optional.empty(),
                Optional.empty(),
                ResponseFormat.MANA,
                List.of(),
                "response_format");
        return sync.run(request, form, seconds -> entry, name -> options);
    }
}
