package dev.mana.extract.batch;

import dev.mana.extract.service.ExtractResult;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.Job;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Where one URL's answer is kept: inline in its job item when small enough, otherwise the whole
 * answer in S3 at {@code results/<job>/<index>.json} and the item holds a summary with its {@code
 * s3Key} (GET /v1/jobs/{id} turns it into a presigned {@code resultUrl}).
 */
public final class ItemStorage {
    /** DynamoDB items are at most 400 KB; answers over this much JSON go to S3. */
    public static final int DEFAULT_INLINE_BYTES = 300 * 1024;

    private final S3Client s3;
    private final String bucket;
    private final int inlineBytes;

    public ItemStorage(S3Client s3, String bucket, int inlineBytes) {
        this.s3 = s3;
        this.bucket = bucket;
        this.inlineBytes = inlineBytes;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> store(Job job, int index, ExtractResult result) {
        String json = Json.write(result);
        if (json.length() <= inlineBytes) {
            try {
                return Json.mapper().readValue(json, Map.class);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
        String key = "results/" + job.id() + "/" + index + ".json";
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(json));
        var summary = new LinkedHashMap<String, Object>();
        summary.put("url", result.url());
        summary.put("finalUrl", result.finalUrl());
        summary.put("statusCode", result.statusCode());
        if (result.title() != null) summary.put("title", result.title());
        summary.put("wordCount", result.wordCount());
        summary.put("cached", result.cached());
        summary.put("s3Key", key);
        return summary;
    }
}
