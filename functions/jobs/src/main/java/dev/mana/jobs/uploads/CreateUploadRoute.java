package dev.mana.jobs.uploads;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import java.time.Instant;
import java.util.Map;

/**
 * {@code POST /v1/uploads {filename, contentType, size}}: answers 201 with a presigned S3 PUT (15
 * minutes) for audio of at most 100 MB. A type that is not audio is 415, a larger size 413, a bad
 * filename or size 422 naming the field. The returned {@code id} is what STT jobs take.
 */
public final class CreateUploadRoute {
    /** The request. */
    public record UploadRequest(String filename, String contentType, Long size) {}

    /** The answer: PUT the bytes to {@code url} with {@code headers}. */
    public record UploadResponse(
            String id,
            String object,
            String filename,
            String contentType,
            long size,
            String url,
            String method,
            Map<String, String> headers,
            Instant expiresAt) {}

    static final int MAX_FILENAME = 200;

    private final Uploads uploads;

    public CreateUploadRoute(Uploads uploads) {
        this.uploads = uploads;
    }

    public Route route() {
        return Route.post("/v1/uploads", this::handle).maxBodyBytes(4 * 1024);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        UploadRequest body = request.json(UploadRequest.class);
        if (body.filename() == null) throw missing("filename");
        if (body.contentType() == null) throw missing("contentType");
        if (body.size() == null) throw missing("size");
        String filename = SafeFilename.of(body.filename());
        String type = AudioTypes.normalize(body.contentType());
        if (type == null) {
            throw ApiException.field(
                            ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                            "contentType",
                            "Uploads take " + AudioTypes.NAMES + " audio; '" + trim(body.contentType())
                                    + "' is not one of them.")
                    .with("reason", "unsupported_type");
        }
        if (!AudioTypes.matches(type, AudioTypes.extension(filename))) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            "filename",
                            "The filename's extension does not match " + type
                                    + "; name the file as its type (e.g. .mp3 for audio/mpeg).")
                    .with("reason", "extension_mismatch");
        }
        if (body.size() <= 0) {
            throw ApiException.field(
                    ErrorCode.INVALID_FIELD, "size", "The size must be the file's size in bytes, above 0.");
        }
        if (body.size() > Uploads.MAX_BYTES) {
            throw ApiException.field(
                            ErrorCode.PAYLOAD_TOO_LARGE, "size", "Uploads are at most 100 MB (104857600 bytes).")
                    .with("limit", Uploads.MAX_BYTES);
        }
        var presigned = uploads.presign(account, filename, type, body.size());
        var answer = new UploadResponse(
                presigned.id(),
                "upload",
                filename,
                type,
                body.size(),
                presigned.url(),
                "PUT",
                presigned.headers(),
                presigned.expiresAt());
        return ApiResponse.json(201, answer);
    }

    private static ApiException missing(String field) {
        return ApiException.field(ErrorCode.MISSING_FIELD, field, "The field '" + field + "' is required.");
    }

    private static String trim(String value) {
        return value.length() > 60 ? value.substring(0, 60) + "..." : value;
    }
}
