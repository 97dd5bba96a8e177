package dev.mana.tts.kokoro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.s3.model.ListObjectsV2Request;
import software.amazon.awssdk.services.s3.model.S3Object;

/**
 * Where a model directory is: a local folder (baked into the image, or mounted), or an S3 prefix
 * ({@code s3://bucket/models/kokoro}) copied once per container into local storage. Weights are
 * put there by the operator's script (infra/models/fetch-kokoro); nothing here downloads from a
 * model hub.
 */
public final class ModelDirectory {

    private ModelDirectory() {}

    /** The local folder of {@code location}, copying an S3 prefix under {@code cache} first. */
    public static Path resolve(String location, S3Client s3, Path cache) {
        if (!location.startsWith("s3://")) return Path.of(location);
        String rest = location.substring("s3://".length());
        int slash = rest.indexOf('/');
        String bucket = slash < 0 ? rest : rest.substring(0, slash);
        String path = slash < 0 ? "" : rest.substring(slash + 1).replaceAll("/+$", "");
        String prefix = path.isEmpty() ? "" : path + "/";
        Path target = cache.resolve(bucket).resolve(prefix).normalize();
        if (Files.isRegularFile(target.resolve(KokoroManifest.FILE))) return target;
        try {
            Files.createDirectories(target);
            var listing = s3.listObjectsV2Paginator(
                    ListObjectsV2Request.builder().bucket(bucket).prefix(prefix).build());
            for (S3Object object : listing.contents()) {
                String relative = object.key().substring(prefix.length());
                if (relative.isEmpty() || relative.endsWith("/")) continue;
                Path file = target.resolve(relative).normalize();
                if (!file.startsWith(target))
                    throw new IllegalStateException("key outside the prefix: " + object.key());
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
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot copy " + location, e);
        }
        if (!Files.isRegularFile(target.resolve(KokoroManifest.FILE))) {
            throw new IllegalStateException(location + " has no " + KokoroManifest.FILE);
        }
        return target;
    }
}
