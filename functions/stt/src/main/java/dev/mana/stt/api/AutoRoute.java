package dev.mana.stt.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.MultipartForm;
import dev.mana.platform.Route;
import dev.mana.stt.service.ResponseFormat;
import java.util.List;

/**
 * {@code POST /v1/stt/transcribe/auto}: the model picked for the audio: one that speaks the
 * {@code language} asked for (any when none), a GPU model for long audio where one is deployed,
 * else the cheapest deployed (see {@code ModelRegistry#pick}); the answer names it.
 */
public final class AutoRoute {

    private final SyncTranscription sync;

    public AutoRoute(SyncTranscription sync) {
        this.sync = sync;
    }

    public Route route() {
        return Route.post("/v1/stt/transcribe/auto", this::handle)
                .maxBodyBytes(SyncTranscription.MAX_BODY_BYTES)
                .consumes("multipart/form-data");
    }

    ApiResponse handle(ApiRequest request) {
        MultipartForm form = MultipartForm.parse(request);
        var probe = FormOptions.check(
                "auto",
                form.text("language"),
                false,
                form.text("prompt"),
                form.text("temperature"),
                java.util.Optional.empty(),
                ResponseFormat.MANA,
                List.of(),
                "response_format");
        var registry = sync.engine().registry();
        int longAudio = sync.engine().settings().longAudioSeconds();
        return sync.run(
                request,
                form,
                seconds -> registry.pick(probe.language(), seconds, longAudio),
                name -> new dev.mana.stt.service.SttOptions(
                        name,
                        probe.language(),
                        false,
                        probe.prompt(),
                        probe.temperature(),
                        probe.responseFormat(),
                        probe.granularities()));
    }
}
