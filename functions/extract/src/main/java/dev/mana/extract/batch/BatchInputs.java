package dev.mana.extract.batch;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.Job;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * A batch's URLs and options on their way from the route to the worker: in the queue message
 * when they fit well under SQS's 256 KiB, otherwise in S3 at {@code results/<job>/input.json}
 * (expired with the job's results) and the message names the key.
 */
public final class BatchInputs {
    /** URL lists larger than this go to S3. */
    static final int INLINE_BYTES = 192 * 1024;

    /** What the worker needs. @param options the request's {@code options} as sent; null for none */
    public record BatchInput(List<String> urls, Map<String, Object> options) {}

    private final S3Client s3;
    private final String bucket;

    public BatchInputs(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    /** The queue message's payload for the job. */
    public Map<String, Object> payload(Job job, BatchInput input) {
        var payload = new HashMap<String, Object>();
        if (input.options() != null) payload.put("options", input.options());
        String urls = Json.write(input.urls());
        if (urls.length() <= INLINE_BYTES) {
            payload.put("urls", input.urls());
            return payload;
        }
        String key = "results/" + job.id() + "/input.json";
        s3.putObject(p -> p.bucket(bucket).key(key).contentType("application/json"), RequestBody.fromString(urls));
        payload.put("urlsKey", key);
        return payload;
    }

    /** The input a payload names. */
    @SuppressWarnings("unchecked")
    public BatchInput read(Job job, Map<String, Object> payload) {
        var options = (Map<String, Object>) payload.get("options");
        if (payload.get("urls") instanceof List<?> urls) {
            return new BatchInput(urls.stream().map(String::valueOf).toList(), options);
        }
        Object key = payload.get("urlsKey");
        if (!(key instanceof String k) || !k.equals("results/" + job.id() + "/input.json")) {
            throw new IllegalArgumentException("the job's message names no URLs");
        }
        try {
            byte[] bytes = s3.getObjectAsBytes(g -> g.bucket(bucket).key(k)).asByteArray();
            return new BatchInput(
                    Json.mapper().readValue(new String(bytes, StandardCharsets.UTF_8), new TypeReference<>() {}),
                    options);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
