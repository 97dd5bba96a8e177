package dev.mana.jobs.uploads;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.jobs.testing.JobsFunction;
import dev.mana.platform.Json;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /v1/uploads: a presigned PUT for audio up to 100 MB, that verify() then accepts. */
@ExtendWith(AwsEmulatorExtension.class)
class CreateUploadRouteTest {
    static JobsFunction jobs;
    static Uploads uploads;

    @BeforeAll
    static void start(EmulatedStack stack) {
        jobs = new JobsFunction(stack);
        uploads = new Uploads(
                stack.clients().s3(),
                dev.mana.platform.AwsClients.of(
                                software.amazon.awssdk.regions.Region.of(stack.region()),
                                java.util.Optional.of(stack.endpoint()),
                                software.amazon.awssdk.auth.credentials.StaticCredentialsProvider.create(
                                        software.amazon.awssdk.auth.credentials.AwsBasicCredentials.create(
                                                "test", "test")))
                        .s3Presigner(),
                stack.ref("DataBucket"),
                Clock.systemUTC());
    }

    static String body(String filename, String contentType, long size) {
        return Json.write(Map.of("filename", filename, "contentType", contentType, "size", size));
    }

    @Test
    void upload_answers201WithAPresignedPut_thatWorks_andVerifies() throws Exception {
        String account = jobs.account(0);
        byte[] audio = new byte[2048];

        var response = jobs.upload(account, body("../My Talk (final).mp3", "audio/mpeg", audio.length));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
        var json = response.json();
        String id = json.path("id").asText();
        assertThat(id).matches("upl_[0-9a-z]{26}");
        assertThat(json.path("method").asText()).isEqualTo("PUT");
        assertThat(json.path("filename").asText()).isEqualTo("My_Talk_final_.mp3");
        assertThat(json.path("headers").path("Content-Type").asText()).isEqualTo("audio/mpeg");
        assertThat(json.path("url").asText()).contains("uploads/" + account + "/" + id + "/My_Talk_final_.mp3");
        assertThat(json.path("expiresAt").asText()).isNotBlank();

        var put = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create(json.path("url").asText()))
                                .header("Content-Type", "audio/mpeg")
                                .PUT(HttpRequest.BodyPublishers.ofByteArray(audio))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).as(put.body()).isEqualTo(200);

        var upload = uploads.verify(account, id);
        assertThat(upload.size()).isEqualTo(2048);
        assertThat(upload.contentType()).isEqualTo("audio/mpeg");
        assertThat(upload.key()).isEqualTo("uploads/" + account + "/" + id + "/My_Talk_final_.mp3");
    }

    @Test
    void everyAudioType_isAccepted() {
        String account = jobs.account(0);
        for (var type : Map.of(
                        "a.mp3", "audio/mpeg",
                        "a.wav", "audio/wav",
                        "a.m4a", "audio/mp4",
                        "a.flac", "audio/flac",
                        "a.ogg", "audio/ogg",
                        "a.webm", "audio/webm",
                        "a.mp4", "video/mp4")
                .entrySet()) {
            assertThat(jobs.upload(account, body(type.getKey(), type.getValue(), 10))
                            .status())
                    .as(type.toString())
                    .isEqualTo(201);
        }
    }

    @Test
    void upload_ofANonAudioType_answers415() {
        var response = jobs.upload(jobs.account(0), body("notes.txt", "text/plain", 10));

        assertThat(response.status()).isEqualTo(415);
        assertThat(response.json().path("field").asText()).isEqualTo("contentType");
    }

    @Test
    void upload_whoseExtensionDoesNotMatch_answers422NamingFilename() {
        var response = jobs.upload(jobs.account(0), body("talk.exe", "audio/mpeg", 10));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asText()).isEqualTo("filename");
    }

    @Test
    void upload_over100MB_answers413() {
        var response = jobs.upload(jobs.account(0), body("big.wav", "audio/wav", 100L * 1024 * 1024 + 1));

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("limit").asLong()).isEqualTo(104857600L);
    }

    @Test
    void upload_withMissingOrBadFields_answers4xxNamingThem() {
        String account = jobs.account(0);
        assertThat(jobs.upload(account, "{\"contentType\":\"audio/mpeg\",\"size\":1}")
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("filename");
        assertThat(jobs.upload(account, body("a.mp3", "audio/mpeg", 0))
                        .json()
                        .path("field")
                        .asText())
                .isEqualTo("size");
        assertThat(jobs.upload(account, body("...", "audio/mpeg", 1)).status()).isEqualTo(422);
        assertThat(jobs.upload(account, "{\"filename\":\"a.mp3\",\"contentType\":\"audio/mpeg\",\"size\":\"big\"}")
                        .status())
                .isEqualTo(400);
    }
}
