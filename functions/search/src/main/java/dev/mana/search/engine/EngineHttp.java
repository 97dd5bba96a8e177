package dev.mana.search.engine;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * The one HTTP client every engine shares (connection pools are per client, so one instance per
 * container). Answers are read with a size cap: a misbehaving engine must not exhaust memory.
 */
public final class EngineHttp {

    private static final int MAX_BODY_BYTES = 4 * 1024 * 1024;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client;
    private final String userAgent;

    public EngineHttp(HttpClient client, String userAgent) {
        this.client = client;
        this.userAgent = userAgent;
    }

    public static EngineHttp create(String userAgent) {
        HttpClient client = HttpClient.newBuilder()
                .connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        return new EngineHttp(client, userAgent);
    }

    /** GETs {@code uri} and returns the body as UTF-8 text; non-2xx answers are errors. */
    public String get(String uri, Duration timeout, Deadline deadline, Map<String, String> headers)
            throws IOException, InterruptedException {
        Duration allowed = deadline.cap(timeout);
        if (allowed.isZero()) {
            throw new HttpTimeoutException("deadline passed before the request");
        }
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(uri))
                .timeout(allowed)
                .header("User-Agent", userAgent)
                .GET();
        headers.forEach(request::header);
        HttpResponse<InputStream> response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        try (InputStream body = response.body()) {
            if (response.statusCode() / 100 != 2) {
                throw new EngineException("HTTP " + response.statusCode());
            }
            byte[] bytes = body.readNBytes(MAX_BODY_BYTES + 1);
            if (bytes.length > MAX_BODY_BYTES) {
                throw new EngineException("answer larger than " + MAX_BODY_BYTES + " bytes");
            }
            return new String(bytes, StandardCharsets.UTF_8);
        }
    }

    public JsonNode getJson(String uri, Duration timeout, Deadline deadline, Map<String, String> headers)
            throws IOException, InterruptedException {
        String body = get(uri, timeout, deadline, headers);
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new EngineException("answer is not JSON");
        }
    }
}
