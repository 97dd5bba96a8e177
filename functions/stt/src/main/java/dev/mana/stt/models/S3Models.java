package dev.mana.stt.models;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Copies models from an S3 prefix ({@code s3://bucket/prefix/NAME/manifest.json} and its files,
 * as {@code infra/models/fetch-whisper.py} uploads them) into a local directory once per
 * container, so {@link ModelRegistry} and ONNX Runtime read plain files. Files already there with
 * the same size are kept (a warm container, or weights baked into the image).
 */
public final class S3Models {

    private final S3Client s3;

    public S3Models(S3Client s3) {
        this.s3 = s3;
    }

    /** Downloads {@code s3Uri} ({@code s3://bucket/prefix}) into {@code target}; answers target. */
    public Path sync(String s3Uri, Path target) {
        if (!s3Uri.startsWith("s3://")) {
            throw new IllegalArgumentException("expected s3://bucket/prefix, got " + s3Uri);
        }
        String rest = s3Uri.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String prefix = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/*$", "/");
        if (prefix.equals("/")) {
            prefix = "";
        }
        ListObjectsV2Request list =
                ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build();
        for (S3Object object : s3.listObjectsV2Paginator(list).contents()) {
            String relative = object.key().substring(prefix.length());
            if (relative.isEmpty() || relative.endsWith("/") || relative.contains("..")) {
                continue;
            }
            Path file = target.resolve(relative).normalize();
            try {
                if (Files.isRegularFile(file) && Files.size(file) == object.size()) {
                    continue;
                }
                Files.createDirectories(file.getParent());
                Path partial = file.resolveSibling(file.getFileName() + ".part");
                Files.deleteIfExists(partial);
                s3.getObject(
                        GetObjectRequest.builder()
                                .bucket(bucket)
                                .key(object.key())
                                .build(),
                        partial);
                Files.move(partial, file, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot copy s3://" + bucket + "/" + object.key(), e);
            }
        }
        return target;
    }
}
