package dev.mana.stt.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where a job's audio waits for the worker, in the data bucket: a client's upload (under
 * {@code uploads/<account>/<uploadId>/}, as {@code POST /v1/uploads} presigned it), or audio a
 * sync route received but found too long to answer in the request ({@code stt/inputs/}).
 */
public final class AudioStore {

    private static final Pattern UPLOAD_ID = Pattern.compile("upl_[0-9a-hjkmnp-tv-z]{26}");

    private final S3Client s3;
    private final String bucket;

    public AudioStore(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The key of the account's upload; another account's is as unknown as one never made (422). */
    public String uploadKey(String accountId, String uploadId) {
        if (uploadId == null || !UPLOAD_ID.matcher(uploadId).matches()) {
            throw ApiException.field(ErrorCode.INVALID_FIELD, "uploadId", "No upload of this account has this id.")
                    .with("reason", "unknown_upload");
        }
        var listed = s3.listObjectsV2(l -> l.bucket(bucket)
                        .prefix("uploads/" + accountId + "/" + uploadId + "/")
                        .maxKeys(1))
                .contents();
        if (listed.isEmpty()) {
            throw ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            "uploadId",
                            "Nothing was uploaded for this id yet, or it has expired; PUT the file first.")
                    .with("reason", "not_uploaded");
        }
        return listed.get(0).key();
    }

    /** Keeps audio a sync route received for the job it becomes. */
    public String keep(String accountId, Path file) {
        String name = file.getFileName().toString();
        String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : "";
        String key = "stt/inputs/" + accountId + "/" + UUID.randomUUID() + ext;
        s3.putObject(p -> p.bucket(bucket).key(key), RequestBody.fromFile(file));
        return key;
    }

    /** Copies {@code key} into a temporary file (the caller deletes it). */
    public Path download(String key) {
        try {
            String name = key.substring(key.lastIndexOf('/') + 1);
            String ext = name.contains(".") ? name.substring(name.lastIndexOf('.')) : ".audio";
            Path file = Files.createTempFile("stt-job-", ext.length() <= 6 ? ext : ".audio");
            Files.delete(file);
            s3.getObject(g -> g.bucket(bucket).key(key), file);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes a large result under the job's own {@code results/<job>/} prefix. */
    public String putResult(String jobId, String name, String json) {
        String key = "results/" + jobId + "/" + name;
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(json));
        return key;
    }
}
