package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.keys.ApiKeySecret;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Text to speech through the whole local chain: the gateway and authorizer, TtsFunction from the
 * tts jar speaking with espeak-ng (the local default), and for long text the queue feeder running
 * TtsWorkerFunction on TtsQueue, then JobsFunction linking the audio the worker put in S3.
 */
class TtsIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalApi api;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start("tts" + UUID.randomUUID().toString().substring(0, 8), 0, Map.of());
        key = ApiKeySecret.generate();
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
            api.stack().close();
        }
    }

    static HttpResponse<byte[]> send(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("x-api-key", key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    static JsonNode json(HttpResponse<byte[]> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    @Test
    void openAIsSpeechRoute_answersRealSpeech_asWav() throws Exception {
        var response = send(
                "POST",
                "/v1/audio/speech",
                "{\"input\":\"Hello from the local runtime.\",\"response_format\":\"wav\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("audio/wav");
        assertThat(response.headers().firstValue("X-Credits-Charged")).hasValue("1");
        float[] samples = AudioCodecs.fromEnvironment().decodeMono(response.body(), 24_000);
        assertThat(samples.length / 24_000.0).isBetween(1.0, 4.0);
    }

    @Test
    void longText_isAJob_theWorkerSpeaks_andTheJobLinksTheAudio() throws Exception {
        String text = "The tide came in slowly over the flat grey sand, and the gulls rose. ".repeat(70);

        var created = send("POST", "/v1/tts/synthesize/auto", Json.write(Map.of("text", text, "output_format", "mp3")));

        assertThat(created.statusCode()).as(new String(created.body())).isEqualTo(202);
        String id = json(created).path("id").asText();
        JsonNode job = null;
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            job = json(send("GET", "/v1/jobs/" + id, null));
            String status = job.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) break;
            Thread.sleep(250);
        }
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("credits").path("charged").asLong()).isEqualTo(5);
        String url = job.path("resultFiles").get(0).path("url").asText();
        byte[] audio = http.send(
                        HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
        float[] samples = AudioCodecs.fromEnvironment().decodeMono(audio, 24_000);
        double seconds = job.path("result").path("seconds").asDouble();
        assertThat(seconds).isGreaterThan(120);
        assertThat(samples.length / 24_000.0).isCloseTo(seconds, within(seconds * 0.05));
    }
}
