package dev.mana.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.jobs.testing.JobsFunction;
import dev.mana.platform.jobs.JobItems.ItemResult;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.sync.RequestBody;

/** GET /v1/jobs, GET and DELETE /v1/jobs/{id}: the caller's jobs, newest first; items paged; cancel releases. */
@ExtendWith(AwsEmulatorExtension.class)
class JobRoutesHappyTest {
    static JobsFunction jobs;

    @BeforeAll
    static void start(EmulatedStack stack) {
        jobs = new JobsFunction(stack);
    }

    @Test
    void list_showsTheCallersJobs_newestFirst_filteredAndPaged() throws Exception {
        String account = jobs.account(100);
        var first = jobs.job(account, "extract-batch", 3);
        Thread.sleep(5);
        var second = jobs.job(account, "stt", 2);
        Thread.sleep(5);
        var third = jobs.job(account, "extract-batch", 1);

        var all = jobs.get(account, "/v1/jobs").json();
        assertThat(ids(all)).containsExactly(third.id(), second.id(), first.id());
        assertThat(all.path("jobs").get(0).path("status").asText()).isEqualTo("queued");
        assertThat(all.path("jobs").get(0).path("credits").path("held").asLong())
                .isEqualTo(1);
        assertThat(all.path("jobs").get(0).has("items")).isFalse();

        var batches = jobs.call(dev.mana.emulator.ProxyEvent.request("GET", "/v1/jobs")
                        .query("kind", "extract-batch")
                        .query("limit", "1")
                        .caller(account, "key_test", "free"))
                .json();
        assertThat(ids(batches)).containsExactly(third.id());
        String cursor = batches.path("nextCursor").asText();
        var next = jobs.call(dev.mana.emulator.ProxyEvent.request("GET", "/v1/jobs")
                        .query("kind", "extract-batch")
                        .query("cursor", cursor)
                        .caller(account, "key_test", "free"))
                .json();
        assertThat(ids(next)).containsExactly(first.id());

        jobs.store.cancel(account, second.id());
        var canceled = jobs.call(dev.mana.emulator.ProxyEvent.request("GET", "/v1/jobs")
                        .query("status", "canceled")
                        .caller(account, "key_test", "free"))
                .json();
        assertThat(ids(canceled)).containsExactly(second.id());
    }

    @Test
    void list_ofANewAccount_isEmpty() {
        var response = jobs.get(jobs.account(0), "/v1/jobs");

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("jobs")).isEmpty();
        assertThat(response.json().hasNonNull("nextCursor")).isFalse();
    }

    @Test
    void get_showsProgressCreditsAndItemsPaged_withS3ItemsPresigned() throws Exception {
        String account = jobs.account(10);
        var job = jobs.job(account, "extract-batch", 3);
        jobs.store.start(job.id(), "wrk-test", Duration.ofMinutes(5));
        String key = "results/" + job.id() + "/2.json";
        jobs.stack
                .clients()
                .s3()
                .putObject(
                        p -> p.bucket(jobs.stack.ref("DataBucket")).key(key),
                        RequestBody.fromString("{\"markdown\":\"# big\"}"));
        jobs.items.record(job, ItemResult.success(0, Map.of("url", "https://a.example/", "markdown", "# A")));
        jobs.items.record(
                job,
                ItemResult.failure(1, Map.of("url", "https://b.example/", "status", 502, "code", "upstream_failed")));
        jobs.items.record(job, ItemResult.success(2, Map.of("url", "https://c.example/", "s3Key", key)));
        var running = jobs.store.progress(job.id(), "wrk-test", dev.mana.platform.jobs.Job.Progress.of(3, 3, 1));
        jobs.store.succeed(running.orElseThrow(), Map.of("total", 3, "succeeded", 2, "failed", 1), 2);

        var first = jobs.getJob(account, job.id(), Map.of("itemsLimit", "2"));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        JsonNode view = first.json();
        assertThat(view.path("status").asText()).isEqualTo("succeeded");
        assertThat(view.path("progress").path("percent").asInt()).isEqualTo(100);
        assertThat(view.path("progress").path("failed").asInt()).isEqualTo(1);
        assertThat(view.path("credits").path("charged").asLong()).isEqualTo(2);
        assertThat(view.path("credits").path("refunded").asLong()).isEqualTo(1);
        assertThat(view.path("result").path("succeeded").asInt()).isEqualTo(2);
        assertThat(view.path("links").has("cancel")).isFalse();
        assertThat(view.path("items").path("data")).hasSize(2);
        assertThat(view.path("items")
                        .path("data")
                        .get(0)
                        .path("result")
                        .path("markdown")
                        .asText())
                .isEqualTo("# A");
        assertThat(view.path("items")
                        .path("data")
                        .get(1)
                        .path("error")
                        .path("code")
                        .asText())
                .isEqualTo("upstream_failed");
        String cursor = view.path("items").path("nextCursor").asText();

        var second =
                jobs.getJob(account, job.id(), Map.of("itemsCursor", cursor)).json();
        var item = second.path("items").path("data").get(0);
        assertThat(item.path("index").asInt()).isEqualTo(2);
        assertThat(item.path("result").has("s3Key")).isFalse();
        String url = item.path("result").path("resultUrl").asText();
        assertThat(second.path("items").hasNonNull("nextCursor")).isFalse();
        var fetched = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fetched.statusCode()).isEqualTo(200);
        assertThat(fetched.body()).contains("# big");
        assertThat(jobs.balance(account)).isEqualTo(8);
    }

    @Test
    void cancel_ofAQueuedJob_cancelsIt_andReleasesTheHoldAtOnce() {
        String account = jobs.account(10);
        var job = jobs.job(account, "extract-batch", 4);
        assertThat(jobs.balance(account)).isEqualTo(6);

        var response = jobs.cancel(account, job.id());

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("canceled");
        assertThat(response.json().path("credits").path("refunded").asLong()).isEqualTo(4);
        assertThat(jobs.balance(account)).isEqualTo(10);
        // Again: nothing moves twice.
        assertThat(jobs.cancel(account, job.id()).json().path("status").asText())
                .isEqualTo("canceled");
        assertThat(jobs.balance(account)).isEqualTo(10);
    }

    @Test
    void cancel_ofARunningJob_asksItToStop() {
        String account = jobs.account(10);
        var job = jobs.job(account, "extract-batch", 4);
        jobs.store.start(job.id(), "wrk-test", Duration.ofMinutes(5));

        var response = jobs.cancel(account, job.id());

        assertThat(response.status()).isEqualTo(202);
        assertThat(response.json().path("status").asText()).isEqualTo("running");
        assertThat(response.json().path("cancelRequested").asBoolean()).isTrue();
        assertThat(jobs.balance(account)).isEqualTo(6);
    }

    private static java.util.List<String> ids(JsonNode page) {
        return java.util.stream.StreamSupport.stream(page.path("jobs").spliterator(), false)
                .map(j -> j.path("id").asText())
                .toList();
    }
}
