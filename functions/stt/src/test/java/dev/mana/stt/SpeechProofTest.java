package dev.mana.stt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.RepoPaths;
import dev.mana.emulator.WebhookReceiver;
import dev.mana.platform.Json;
import dev.mana.platform.jobs.JobStore;
import dev.mana.stt.testing.MultipartBody;
import dev.mana.stt.testing.Speech;
import dev.mana.stt.testing.SttApi;
import dev.mana.stt.testing.SttWorker;
import dev.mana.stt.testing.Uploads;
import dev.mana.stt.testing.WordErrorRate;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The proof: word orders the test model never trained on (infra/models/whisper-tiny-test/heldout.txt),
 * spoken by espeak-ng now, in each of the seven formats clients send, come back through every route
 * (the seed's sync route, OpenAI's route, an async job with its webhook) with a word error rate of
 * at most 10 %.
 */
@ExtendWith(AwsEmulatorExtension.class)
class SpeechProofTest {

    static EmulatedStack stack;
    static SttApi stt;
    static SttWorker worker;
    static JobStore jobs;
    static List<String> sentences;

    @BeforeAll
    static void start(EmulatedStack emulated) throws Exception {
        stack = emulated;
        Map<String, String> env = Map.of("MANA_FETCH_ALLOW_CIDRS", "127.0.0.0/8");
        stt = new SttApi(stack, env);
        worker = new SttWorker(stack, env);
        jobs = new JobStore(stack.clients().dynamoDb(), stack.ref("JobsTable"), stt.ledger);
        sentences = Files.readAllLines(RepoPaths.root().resolve("infra/models/whisper-tiny-test/heldout.txt")).stream()
                .filter(s -> !s.isBlank())
                .toList();
    }

    @Test
    void heldOutSentences_inAllSevenFormats_throughEveryRoute_haveWerAtMost10Percent() throws Exception {
        int edits = 0;
        int words = 0;
        List<String> report = new ArrayList<>();
        String account = stt.account(1000);
        try (var receiver = new WebhookReceiver()) {
            int n = 0;
            for (Speech.Format format : Speech.Format.values()) {
                for (String route : List.of("sync", "openai", "job")) {
                    String sentence = sentences.get((n++ * 7) % sentences.size());
                    byte[] audio = Speech.say(sentence, format);
                    String heard = transcribe(route, account, audio, format, receiver);
                    int e = WordErrorRate.edits(sentence, heard);
                    edits += e;
                    words += WordErrorRate.words(sentence).size();
                    report.add(format.extension + "/" + route + ": \"" + sentence + "\" -> \"" + heard.strip() + "\" ("
                            + e + ")");
                }
            }
            assertThat(receiver.received).as("one webhook per job").hasSize(Speech.Format.values().length);
        }
        double wer = edits / (double) words;
        assertThat(wer).as(String.join("\n", report)).isLessThanOrEqualTo(0.10);
    }

    private String transcribe(String route, String account, byte[] audio, Speech.Format format, WebhookReceiver hook)
            throws Exception {
        String name = "speech." + format.extension;
        switch (route) {
            case "sync" -> {
                var r = stt.post(
                        "/v1/stt/transcribe",
                        account,
                        new MultipartBody()
                                .file("file", name, format.contentType, audio)
                                .field("language", "en"));
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                return r.json().path("text").asText();
            }
            case "openai" -> {
                var r = stt.post(
                        "/v1/audio/transcriptions",
                        account,
                        new MultipartBody()
                                .file("file", name, format.contentType, audio)
                                .field("model", "whisper-1")
                                .field("response_format", "text"));
                assertThat(r.status()).as(r.text()).isEqualTo(200);
                return r.text();
            }
            default -> {
                String uploadId = Uploads.put(stack, account, name, audio);
                var r = stt.postJson(
                        "/v1/stt/jobs",
                        account,
                        Json.write(
                                Map.of("uploadId", uploadId, "language", "en", "webhook", Map.of("url", hook.url()))));
                assertThat(r.status()).as(r.text()).isEqualTo(202);
                String id = r.json().path("id").asText();
                assertThat(worker.feed(worker.take(id))).isEmpty();
                return String.valueOf(
                        jobs.get(account, id).orElseThrow().result().get("text"));
            }
        }
    }
}
