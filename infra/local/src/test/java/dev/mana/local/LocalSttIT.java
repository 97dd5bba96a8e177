package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.RepoPaths;
import dev.mana.platform.Json;
import dev.mana.platform.keys.ApiKeySecret;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Speech-to-text through the local runtime as a client uses it: the STT function serves the
 * committed whisper-tiny-test model over real HTTP, and SttQueue is fed to the worker in-process
 * (an upload, a job, polled until it succeeds). And the two speech services chained as an OpenAI SDK
 * user chains them: espeak-ng speech from {@code POST /v1/audio/speech} transcribed back by {@code
 * POST /v1/audio/transcriptions}, on word orders the test model never trained on.
 */
class LocalSttIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalApi api;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start("stt" + UUID.randomUUID().toString().substring(0, 8), 0);
        key = ApiKeySecret.generate();
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key);
    }

    @AfterAll
    static void stop() {
        api.close();
        api.stack().close();
    }

    static byte[] speech(String text) throws Exception {
        Path wav = Files.createTempFile("local-stt-", ".wav");
        try {
            Process p = new ProcessBuilder("espeak-ng", "-v", "en", "-w", wav.toString(), text)
                    .redirectErrorStream(true)
                    .start();
            p.getInputStream().readAllBytes();
            assertThat(p.waitFor()).isZero();
            return Files.readAllBytes(wav);
        } finally {
            Files.deleteIfExists(wav);
        }
    }

    static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("x-api-key", key);
    }

    @Test
    void transcribe_andModels_answerThroughTheGateway() throws Exception {
        String boundary = "----local" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.wav\"\r\n"
                        + "Content-Type: audio/wav\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(speech("hello world"));
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));

        var response = http.send(
                request("/v1/stt/transcribe")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        var models = http.send(request("/v1/stt/models").build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        assertThat(Json.mapper().readTree(response.body()).path("model").asText())
                .isEqualTo("whisper-tiny-test");
        assertThat(response.headers().firstValue("X-Credits-Charged")).hasValue("1");
        assertThat(models.body()).contains("whisper-tiny-test", "voxtral-mini");
    }

    @Test
    void uploadJob_isFedFromSttQueueToTheWorker_andSucceeds() throws Exception {
        byte[] audio = speech("good morning it works");
        var upload = Json.mapper()
                .readTree(http.send(
                                request("/v1/uploads")
                                        .header("Content-Type", "application/json")
                                        .POST(HttpRequest.BodyPublishers.ofString(Json.write(Map.of(
                                                "filename",
                                                "speech.wav",
                                                "contentType",
                                                "audio/wav",
                                                "size",
                                                audio.length))))
                                        .build(),
                                HttpResponse.BodyHandlers.ofString())
                        .body());
        var put = HttpRequest.newBuilder(URI.create(upload.path("url").asText()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(audio));
        upload.path("headers")
                .fields()
                .forEachRemaining(h -> put.header(h.getKey(), h.getValue().asText()));
        assertThat(http.send(put.build(), HttpResponse.BodyHandlers.discarding())
                        .statusCode())
                .isEqualTo(200);

        var created = http.send(
                request("/v1/stt/jobs")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Json.write(Map.of("uploadId", upload.path("id").asText(), "language", "en"))))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String location = created.headers().firstValue("Location").orElseThrow();

        JsonNode job = null;
        for (int i = 0; i < 120; i++) {
            job = Json.mapper()
                    .readTree(http.send(request(location).build(), HttpResponse.BodyHandlers.ofString())
                            .body());
            if (!job.path("status").asText().matches("queued|running")) break;
            Thread.sleep(500);
        }
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("result").path("model").asText()).isEqualTo("whisper-tiny-test");
    }

    @Test
    void speechFromTheTtsEngine_isTranscribedBackByTheSttModel_withWerAtMost15Percent() throws Exception {
        List<String> sentences =
                Files.readAllLines(RepoPaths.root().resolve("infra/models/whisper-tiny-test/heldout.txt")).stream()
                        .filter(s -> !s.isBlank())
                        .limit(8)
                        .toList();
        int edits = 0;
        int words = 0;
        var report = new ArrayList<String>();
        for (int i = 0; i < sentences.size(); i++) {
            String format = i % 2 == 0 ? "wav" : "mp3";
            String sentence = sentences.get(i);
            byte[] audio = speak(sentence, format);
            String heard = transcribe(audio, format);
            int e = edits(words(sentence), words(heard));
            edits += e;
            words += words(sentence).size();
            report.add(format + ": \"" + sentence + "\" -> \"" + heard.strip() + "\" (" + e + ")");
        }

        assertThat(edits / (double) words).as(String.join("\n", report)).isLessThanOrEqualTo(0.15);
    }

    private static byte[] speak(String text, String format) throws Exception {
        var response = http.send(
                request("/v1/audio/speech")
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                Json.write(Map.of("model", "espeak", "input", text, "response_format", format))))
                        .build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode())
                .as(new String(response.body(), StandardCharsets.UTF_8))
                .isEqualTo(200);
        return response.body();
    }

    private static String transcribe(byte[] audio, String format) throws Exception {
        String boundary = "----roundtrip" + UUID.randomUUID();
        var body = new ByteArrayOutputStream();
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"model\"\r\n\r\nwhisper-1\r\n"
                        + "--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"response_format\"\r\n\r\ntext\r\n"
                        + "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"speech."
                        + format + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(audio);
        body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        var response = http.send(
                request("/v1/audio/transcriptions")
                        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return response.body();
    }

    private static List<String> words(String text) {
        return Arrays.stream(text.toLowerCase().replaceAll("[^a-z' ]", " ").split("\\s+"))
                .filter(w -> !w.isEmpty())
                .toList();
    }

    /** Word-level Levenshtein distance: substitutions, insertions and deletions. */
    private static int edits(List<String> expected, List<String> heard) {
        int[] previous = new int[heard.size() + 1];
        for (int j = 0; j <= heard.size(); j++) previous[j] = j;
        for (int i = 1; i <= expected.size(); i++) {
            int[] row = new int[heard.size() + 1];
            row[0] = i;
            for (int j = 1; j <= heard.size(); j++) {
                int substitute = previous[j - 1] + (expected.get(i - 1).equals(heard.get(j - 1)) ? 0 : 1);
                row[j] = Math.min(substitute, Math.min(previous[j] + 1, row[j - 1] + 1));
            }
            previous = row;
        }
        return previous[heard.size()];
    }
}
