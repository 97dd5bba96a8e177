package dev.mana.jobs.uploads;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;
import software.amazon.awssdk.services.s3.model.S3Object;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Audio uploads: presigned S3 PUTs under {@code uploads/<account>/<id>/<safe filename>} (the
 * bucket's lifecycle deletes them after 7 days), and {@link #verify}, which a job naming an upload
 * calls before it accepts it: a HEAD of the object, checking that it is there, within the size
 * limit and of an audio type.
 */
public final class Uploads {
    /** The largest upload: 100 MB. */
    public static final long MAX_BYTES = 100L * 1024 * 1024;
    /** How long the presigned PUT works. */
    public static final Duration VALIDITY = Duration.ofMinutes(15);

    static final Pattern ID = Pattern.compile("upl_[0-9a-hjkmnp-tv-z]{26}");
    private static final char[] ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A presigned upload: PUT the file's bytes to {@code url} with {@code headers}, before {@code expiresAt}. */
    public record Presigned(String id, String key, String url, Map<String, String> headers, Instant expiresAt) {}

    private final S3Client s3;
    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public Uploads(S3Client s3, S3Presigner presigner, String bucket, Clock clock) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** Presigns a PUT of {@code size} bytes of {@code contentType} (both checked by the caller) for the account. */
    public Presigned presign(String accountId, String safeFilename, String contentType, long size) {
        String id = nextId();
        String key = prefix(accountId, id) + safeFilename;
        Instant expires = clock.instant().plus(VALIDITY);
        var url = presigner
                .presignPutObject(p -> p.signatureDuration(VALIDITY)
                        .putObjectRequest(o -> o.bucket(bucket).key(key).contentType(contentType)))
                .url()
                .toString();
        return new Presigned(id, key, url, Map.of("Content-Type", contentType), expires);
    }

    /**
     * The account's upload, checked with a HEAD: present, at most {@link #MAX_BYTES}, of an audio
     * type. Another account's upload is as unknown as one never made.
     *
     * @throws ApiException 422 {@code invalid_field} naming {@code uploadId}, with a {@code reason}
     */
    public Upload verify(String accountId, String uploadId) {
        if (uploadId == null || !ID.matcher(uploadId).matches()) {
            throw refused("unknown_upload", "No upload of this account has this id.");
        }
        var listed = s3.listObjectsV2(l ->
                        l.bucket(bucket).prefix(prefix(accountId, uploadId)).maxKeys(2))
                .contents();
        if (listed.isEmpty()) {
            throw refused(
                    "not_uploaded", "Nothing was uploaded for this id yet, or it has expired; PUT the file first.");
        }
        S3Object object = listed.get(0);
        try {
            var head = s3.headObject(h -> h.bucket(bucket).key(object.key()));
            long size = head.contentLength();
            if (size <= 0) throw refused("empty_upload", "The uploaded file is empty.");
            if (size > MAX_BYTES) throw refused("too_large", "The uploaded file is over 100 MB.");
            String type = AudioTypes.normalize(head.contentType());
            if (type == null) {
                throw refused(
                        "unsupported_type",
                        "The uploaded file is not " + AudioTypes.NAMES + " audio (its Content-Type).");
            }
            return new Upload(uploadId, accountId, object.key(), size, type);
        } catch (NoSuchKeyException e) {
            throw refused(
                    "not_uploaded", "Nothing was uploaded for this id yet, or it has expired; PUT the file first.");
        }
    }

    private static String prefix(String accountId, String uploadId) {
        return "uploads/" + accountId + "/" + uploadId + "/";
    }

    private static ApiException refused(String reason, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, "uploadId", message).with("reason", reason);
    }

    static String nextId() {
        char[] out = new char[26];
        for (int i = 0; i < out.length; i++) out[i] = ALPHABET[RANDOM.nextInt(32)];
        return "upl_" + new String(out);
    }
}
