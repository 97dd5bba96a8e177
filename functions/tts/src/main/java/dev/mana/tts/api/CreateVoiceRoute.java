package dev.mana.tts.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.audio.AudioInfo;
import dev.mana.tts.voices.CustomVoice;
import dev.mana.tts.voices.MultipartForm;
import dev.mana.tts.voices.VoiceSlots;
import dev.mana.tts.voices.VoiceStore;
import java.time.Instant;
import java.util.Locale;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.DeleteObjectRequest;
import software.amazon.awssdk.services.s3.model.PutObjectRequest;

/**
 * {@code POST /v1/tts/voices}, multipart: {@code audio} (3 to 60 s of the speaker, any format
 * FFmpeg reads), {@code transcript} (what is said in it), {@code consent} (the speaker's statement
 * that they consent to their voice being cloned) and {@code name}. The recording goes to S3 under
 * the account ({@code voices/<account>/<id>}), the rest to the voice store, taking one of the
 * tier's slots (403 when all are taken). 201 with the voice.
 */
public final class CreateVoiceRoute {

    public record VoiceResponse(String id, String object, String name, double seconds, Instant createdAt) {}

    /** Lambda takes 6 MB of request; base64 costs a third. */
    static final int MAX_BODY_BYTES = 4 * 1024 * 1024;

    static final double MIN_SECONDS = 3;
    static final double MAX_SECONDS = 60;

    private final VoiceStore voices;
    private final VoiceSlots slots;
    private final AudioCodecs codecs;
    private final S3Client s3;
    private final String bucket;

    public CreateVoiceRoute(VoiceStore voices, VoiceSlots slots, AudioCodecs codecs, S3Client s3, String bucket) {
        this.voices = voices;
        this.slots = slots;
        this.codecs = codecs;
        this.s3 = s3;
        this.bucket = bucket;
    }

    public Route route() {
        return Route.post("/v1/tts/voices", this::handle)
                .maxBodyBytes(MAX_BODY_BYTES)
                .consumes("multipart/form-data");
    }

    ApiResponse handle(ApiRequest request) {
        var caller = request.requireCaller();
        var form = MultipartForm.parse(request.header("Content-Type").orElse(null), request.body());
        var audio = form.part("audio")
                .filter(p -> p.bytes().length > 0)
                .orElseThrow(() -> ApiException.field(
                        ErrorCode.MISSING_FIELD, "audio", "Send the recording as the file 'audio'."));
        String transcript = text(form, "transcript", 1, 2_000);
        String consent = text(form, "consent", 20, 2_000);
        if (!consent.toLowerCase(Locale.ROOT).contains("consent")) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "consent",
                    "The consent statement must say, in the speaker's words, that they consent to their voice being cloned.");
        }
        String name = form.part("name")
                .map(MultipartForm.Part::text)
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .orElse("My voice");
        if (name.length() > 100)
            throw ApiException.field(ErrorCode.INVALID_FIELD, "name", "The name is at most 100 characters.");
        AudioInfo info = codecs.probe(audio.bytes());
        double seconds = info.duration().toMillis() / 1000.0;
        if (seconds < MIN_SECONDS || seconds > MAX_SECONDS) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    "audio",
                    "The recording is " + seconds + " s; send " + (int) MIN_SECONDS + " to " + (int) MAX_SECONDS
                            + " s of the speaker.");
        }
        String id = VoiceStore.newId();
        String key = "voices/" + caller.accountId() + "/" + id;
        String contentType = audio.contentType() == null ? "application/octet-stream" : audio.contentType();
        s3.putObject(
                PutObjectRequest.builder()
                        .bucket(bucket)
                        .key(key)
                        .contentType(contentType)
                        .build(),
                RequestBody.fromBytes(audio.bytes()));
        var voice = new CustomVoice(
                id, name, transcript, consent, request.sourceIp(), key, contentType, seconds, Instant.now());
        try {
            voices.create(caller.accountId(), voice, slots.of(caller.tier()));
        } catch (RuntimeException e) {
            s3.deleteObject(
                    DeleteObjectRequest.builder().bucket(bucket).key(key).build());
            throw e;
        }
        return ApiResponse.json(201, new VoiceResponse(id, "voice", name, seconds, voice.createdAt()))
                .withHeader("Location", "/v1/tts/voices/" + id);
    }

    private static String text(MultipartForm form, String field, int min, int max) {
        String value = form.part(field)
                .map(MultipartForm.Part::text)
                .map(String::strip)
                .orElse("");
        if (value.isEmpty())
            throw ApiException.field(ErrorCode.MISSING_FIELD, field, "The field '" + field + "' is required.");
        if (value.length() < min || value.length() > max) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD,
                    field,
                    "The field '" + field + "' is " + min + " to " + max + " characters.");
        }
        return value;
    }
}
