package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The two speech services through the local runtime, as an OpenAI SDK user chains them: text spoken
 * by the espeak-ng engine at {@code POST /v1/audio/speech} comes back from {@code POST
 * /v1/audio/transcriptions} (the whisper-tiny-test model) with a word error rate of at most 15 %.
 * The sentences are word orders the test model never trained on.
 */
class SpeechRoundTripIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static LocalApi api;
    static String key;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start("rt" + UUID.randomUUID().toString().substring(0, 8), 0);
        key = ApiKeySecret.generate();
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key);
    }

    @AfterAll
    static void stop() {
        api.close();
        api.stack().close();
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

    private static HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("x-api-key", key);
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
