package dev.mana.emulator;

import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketAlreadyOwnedByYouException;
import software.amazon.awssdk.services.s3.model.NoSuchBucketException;
import software.amazon.awssdk.services.s3.model.ObjectIdentifier;

/** Creates and empties-then-deletes an AWS::S3::Bucket in the emulator. */
final class StackBuckets {
    private StackBuckets() {}

    static String create(S3Client s3, String name) {
        try {
            s3.createBucket(b -> b.bucket(name));
        } catch (BucketAlreadyOwnedByYouException exists) {
            // reused by the local runtime
        }
        return name;
    }

    static void delete(S3Client s3, String name) {
        try {
            for (var page : s3.listObjectsV2Paginator(b -> b.bucket(name))) {
                if (page.contents().isEmpty()) continue;
                var ids = page.contents().stream()
                        .map(o -> ObjectIdentifier.builder().key(o.key()).build())
                        .toList();
                s3.deleteObjects(b -> b.bucket(name).delete(d -> d.objects(ids)));
            }
            s3.deleteBucket(b -> b.bucket(name));
        } catch (NoSuchBucketException gone) {
            // already deleted
        }
    }
}
