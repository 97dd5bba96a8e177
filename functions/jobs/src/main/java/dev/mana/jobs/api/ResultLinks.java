package dev.mana.jobs.api;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/** Presigned GET URLs of results kept in S3, only under the job's own {@code results/<job>/} prefix. */
public final class ResultLinks {
    /** How long a result URL works; a fresh one comes with every GET of the job. */
    public static final Duration VALIDITY = Duration.ofHours(1);

    /** @param url a GET that needs no credentials, until {@code expiresAt} */
    public record Link(String name, String url, Instant expiresAt) {}

    private final S3Presigner presigner;
    private final String bucket;
    private final Clock clock;

    public ResultLinks(S3Presigner presigner, String bucket, Clock clock) {
        this.presigner = presigner;
        this.bucket = bucket;
        this.clock = clock;
    }

    /** The link of {@code key}; null for a key outside the job's prefix (never presigned). */
    public Link link(String jobId, Object key) {
        if (!(key instanceof String s) || !s.startsWith("results/" + jobId + "/") || s.contains("..")) return null;
        Instant expires = clock.instant().plus(VALIDITY);
        var url = presigner
                .presignGetObject(p -> p.signatureDuration(VALIDITY)
                        .getObjectRequest(g -> g.bucket(bucket).key(s)))
                .url()
                .toString();
        return new Link(s.substring(s.lastIndexOf('/') + 1), url, expires);
    }
}
