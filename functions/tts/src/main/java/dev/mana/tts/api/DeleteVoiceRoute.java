package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.tts.voices.VoiceStore;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;

/** {@code DELETE /v1/tts/voices/{id}}: the voice and its recording gone, its slot free; 204, or 404 for a voice the account does not have. */
public final class DeleteVoiceRoute {

    private final VoiceStore voices;
    private final S3Client s3;
    private final String bucket;

    public DeleteVoiceRoute(VoiceStore voices, S3Client s3, String bucket) {
        this.voices = voices;
        this.s3 = s3;
        this.bucket = bucket;
    }

    public Route route() {
        return Route.delete("/v1/tts/voices/{id}", this::handle);
    }

    ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        String id = request.pathParameter("id");
        var voice = voices.delete(account, id)
                .orElseThrow(() -> new ApiException(ErrorCode.NOT_FOUND, "No voice " + id + " in this account."));
        s3.deleteObject(DeleteObjectRequest.builder()
                .bucket(bucket)
                .key(voice.audioKey())
                .build());
        return ApiResponse.noContent();
    }
}
