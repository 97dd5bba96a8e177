package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import dev.mana.platform.Json;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.NewJob;
import dev.mana.platform.keys.ApiKeySecret;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Batch extraction through the whole local chain: the gateway and authorizer, ExtractFunction
 * creating the job and its hold, the queue feeder running ExtractWorkerFunction from the extract
 * jar on ExtractQueue, and JobsFunction answering GET /v1/jobs/{id}, over a loopback site; the job's
 * webhook through the worker's first attempt and WebhookRetryFunction on WebhooksQueue.
 */
class BatchExtractionIT {
    static final HttpClient http = HttpClient.newHttpClient();
    static final String PAGE = "<html><head><title>%s</title></head><body><article><h1>%s</h1>"
            + "<p>%s is a page of the loopback site with enough words in it to be read as an article by the"
            + " extractor, which wants a real paragraph of prose rather than a fragment.</p>"
            + "<p>A second paragraph says more about %s, so that the page has a body worth keeping.</p>"
            + "</article></body></html>";
    static LocalApi api;
    static HttpServer site;
    static String key;
    static final AtomicInteger hits = new AtomicInteger();

    @BeforeAll
    static void start() throws Exception {
        site = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        site.createContext("/", exchange -> {
            try (exchange) {
                hits.incrementAndGet();
                String path = exchange.getRequestURI().getPath();
                if (!path.startsWith("/page/")) {
                    exchange.sendResponseHeaders(404, -1);
                    return;
                }
                String name = path.substring(6);
                byte[] body = PAGE.formatted(name, name, name, name).getBytes(StandardCharsets.UTF_8);
                exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
                exchange.sendResponseHeaders(200, body.length);
                exchange.getResponseBody().write(body);
            }
        });
        site.start();
        api = LocalApi.start(
                "bx" + UUID.randomUUID().toString().substring(0, 8),
                0,
                // Webhook retries after 1 s instead of 30 s, so the retry is seen within the test.
                Map.of("MANA_FETCH_ALLOW_CIDRS", "127.0.0.0/8", "MANA_WEBHOOK_RETRY_DELAYS", "1,1,1,1,1"));
        key = ApiKeySecret.generate();
        DemoAccount.ensure(api.stack(), new ApiKeyPlans(api.stack().clients().apiGateway()), key);
    }

    @AfterAll
    static void stop() {
        if (api != null) {
            api.close();
            api.stack().close();
        }
        if (site != null) site.stop(0);
    }

    static String page(String path) {
        return "http://127.0.0.1:" + site.getAddress().getPort() + path;
    }

    static HttpResponse<String> send(String method, String path, String json) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + api.port() + path))
                .header("x-api-key", key)
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) request.header("Content-Type", "application/json");
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static JsonNode json(HttpResponse<String> response) throws Exception {
        return Json.mapper().readTree(response.body());
    }

    static long balance() throws Exception {
        return json(send("GET", "/v1/credits/balance", null)).path("balance").asLong();
    }

    static JsonNode awaitEnd(String id) throws Exception {
        long deadline = System.nanoTime() + 60_000_000_000L;
        while (System.nanoTime() < deadline) {
            var job = json(send("GET", "/v1/jobs/" + id, null));
            String status = job.path("status").asText();
            if (!status.equals("queued") && !status.equals("running")) return job;
            Thread.sleep(250);
        }
        throw new AssertionError("job " + id + " did not end in 60 s");
    }

    @Test
    void aBatch_isExtractedByTheWorker_chargedForItsSuccesses_andADuplicateDeliveryChargesNothing() throws Exception {
        long before = balance();
        var urls = List.of(page("/page/lighthouses"), page("/missing"), page("/page/tides"));

        var created = send("POST", "/v1/extract/batch", Json.write(Map.of("urls", urls)));

        assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
        String id = json(created).path("id").asText();
        assertThat(created.headers().firstValue("Location")).hasValue("/v1/jobs/" + id);
        var job = awaitEnd(id);
        assertThat(job.path("status").asText()).as(job.toString()).isEqualTo("succeeded");
        assertThat(job.path("progress").path("done").asInt()).isEqualTo(3);
        assertThat(job.path("credits").path("held").asLong()).isEqualTo(3);
        assertThat(job.path("credits").path("charged").asLong()).isEqualTo(2);
        assertThat(job.path("credits").path("refunded").asLong()).isEqualTo(1);
        var items = job.path("items").path("data");
        assertThat(items).hasSize(3);
        assertThat(items.get(0).path("ok").asBoolean()).isTrue();
        assertThat(items.get(0).path("result").path("markdown").asText()).contains("lighthouses is a page");
        assertThat(items.get(1).path("ok").asBoolean()).isFalse();
        assertThat(items.get(1).path("error").path("upstreamStatus").asInt()).isEqualTo(404);
        assertThat(items.get(2).path("result").path("title").asText()).isEqualTo("tides");
        assertThat(balance()).isEqualTo(before - 2);

        // The same message again, as SQS may deliver it twice: the worker finds the job ended.
        int fetched = hits.get();
        String body = Json.write(Map.of("jobId", id, "kind", "extract-batch", "payload", Map.of("urls", urls)));
        var sqs = api.stack().clients().sqs();
        sqs.sendMessage(s -> s.queueUrl(api.stack().ref("ExtractQueue")).messageBody(body));
        long deadline = System.nanoTime() + 15_000_000_000L;
        while (System.nanoTime() < deadline && queued(sqs) > 0) Thread.sleep(200);
        assertThat(queued(sqs)).isZero();
        assertThat(hits.get()).isEqualTo(fetched);
        assertThat(balance()).isEqualTo(before - 2);
        assertThat(json(send("GET", "/v1/jobs/" + id, null))
                        .path("credits")
                        .path("charged")
                        .asLong())
                .isEqualTo(2);
    }

    static int queued(software.amazon.awssdk.services.sqs.SqsClient sqs) {
        var attributes = sqs.getQueueAttributes(a -> a.queueUrl(api.stack().ref("ExtractQueue"))
                        .attributeNamesWithStrings(
                                "ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"))
                .attributesAsStrings();
        return Integer.parseInt(attributes.get("ApproximateNumberOfMessages"))
                + Integer.parseInt(attributes.get("ApproximateNumberOfMessagesNotVisible"));
    }

    @Test
    void aQueuedJob_canceled_releasesItsHoldAtOnce() throws Exception {
        var dynamo = api.stack().clients().dynamoDb();
        var store = new JobStore(
                dynamo,
                api.stack().ref("JobsTable"),
                new CreditLedger(dynamo, api.stack().ref("CreditsTable")));
        long before = balance();
        // Created without a message, so no worker picks it up before the cancel.
        var job = store.create(NewJob.of(DemoAccount.ACCOUNT_ID, "extract-batch", Map.of("urls", 5), 5))
                .job();
        assertThat(balance()).isEqualTo(before - 5);

        var canceled = send("DELETE", "/v1/jobs/" + job.id(), null);

        assertThat(canceled.statusCode()).as(canceled.body()).isEqualTo(202);
        assertThat(json(canceled).path("status").asText()).isEqualTo("canceled");
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void aDeadLetteredJob_isFailedByTheDeadLetterFunction_andItsHoldReleased() throws Exception {
        var dynamo = api.stack().clients().dynamoDb();
        var store = new JobStore(
                dynamo,
                api.stack().ref("JobsTable"),
                new CreditLedger(dynamo, api.stack().ref("CreditsTable")));
        long before = balance();
        var job = store.create(NewJob.of(DemoAccount.ACCOUNT_ID, "extract-batch", Map.of("urls", 4), 4))
                .job();
        assertThat(balance()).isEqualTo(before - 4);

        // What SQS does after ExtractQueue's maxReceiveCount: the message lands in the DLQ, which
        // the local runtime feeds to ExtractDeadLettersFunction.
        String body = Json.write(Map.of("jobId", job.id(), "kind", "extract-batch", "payload", Map.of()));
        api.stack()
                .clients()
                .sqs()
                .sendMessage(s ->
                        s.queueUrl(api.stack().ref("ExtractDeadLetterQueue")).messageBody(body));

        var ended = awaitEnd(job.id());
        assertThat(ended.path("status").asText()).isEqualTo("failed");
        assertThat(ended.path("error").path("code").asText()).isEqualTo("job_failed");
        assertThat(ended.path("credits").path("refunded").asLong()).isEqualTo(4);
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void badInput_answers4xxProblems() throws Exception {
        var many = new ArrayList<String>();
        for (int i = 0; i < 1001; i++) many.add("https://example.com/" + i);
        var oversize = send("POST", "/v1/extract/batch", Json.write(Map.of("urls", many)));
        assertProblem(oversize, 422, "urls");

        var privateHook = send(
                "POST",
                "/v1/extract/batch",
                Json.write(
                        Map.of("urls", List.of(page("/page/a")), "webhook", Map.of("url", "https://10.1.2.3/hook"))));
        assertProblem(privateHook, 422, "webhook.url");

        var unknownKind = send("GET", "/v1/jobs?kind=teleport", null);
        assertProblem(unknownKind, 400, null);

        var dynamo = api.stack().clients().dynamoDb();
        var store = new JobStore(
                dynamo,
                api.stack().ref("JobsTable"),
                new CreditLedger(dynamo, api.stack().ref("CreditsTable")));
        var foreign = store.create(NewJob.of("acct_someone_else", "extract-batch", Map.of("urls", 1), 0))
                .job();
        assertProblem(send("GET", "/v1/jobs/" + foreign.id(), null), 404, null);
        assertProblem(send("DELETE", "/v1/jobs/" + foreign.id(), null), 404, null);
        assertThat(store.find(foreign.id()).orElseThrow().status().wire()).isEqualTo("queued");
    }

    @Test
    void aWebhook_isReceivedSigned_andA500IsRetriedThroughWebhooksQueue() throws Exception {
        var received = new java.util.concurrent.CopyOnWriteArrayList<Map<String, String>>();
        var statuses = new java.util.concurrent.ConcurrentLinkedQueue<>(List.of(500));
        var hook = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        hook.createContext("/hook", exchange -> {
            try (exchange) {
                var request = exchange.getRequestHeaders();
                received.add(Map.of(
                        "id", request.getFirst("webhook-id"),
                        "timestamp", request.getFirst("webhook-timestamp"),
                        "signature", request.getFirst("webhook-signature"),
                        "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
                Integer status = statuses.poll();
                exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            }
        });
        hook.start();
        try {
            // An API key may not rotate the secret (that needs a signed-in session): read it as stored.
            var refused = send("POST", "/v1/webhooks/secret", "{}");
            assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
            String secret = new dev.mana.platform.webhooks.WebhookSecrets(
                            api.stack().clients().dynamoDb(), api.stack().ref("AccountsTable"))
                    .current(DemoAccount.ACCOUNT_ID);
            String url = "http://127.0.0.1:" + hook.getAddress().getPort() + "/hook";

            var created = send(
                    "POST",
                    "/v1/extract/batch",
                    Json.write(Map.of("urls", List.of(page("/page/hooked")), "webhook", Map.of("url", url))));
            assertThat(created.statusCode()).as(created.body()).isEqualTo(202);
            String id = json(created).path("id").asText();
            assertThat(awaitEnd(id).path("status").asText()).isEqualTo("succeeded");

            // The worker's attempt got 500; WebhookRetryFunction, fed by WebhooksQueue, delivers the retry.
            JsonNode deliveries = null;
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (System.nanoTime() < deadline) {
                deliveries = json(send("GET", "/v1/jobs/" + id + "/deliveries", null))
                        .path("deliveries");
                if (deliveries.size() >= 2) break;
                Thread.sleep(250);
            }
            assertThat(deliveries).as(String.valueOf(deliveries)).hasSize(2);
            assertThat(deliveries.get(0).path("result").asText()).isEqualTo("delivered");
            assertThat(deliveries.get(0).path("attempt").asInt()).isEqualTo(2);
            assertThat(deliveries.get(1).path("statusCode").asInt()).isEqualTo(500);
            assertThat(received).hasSize(2);
            var last = received.get(1);
            assertThat(last.get("id")).isEqualTo(received.get(0).get("id"));
            assertThat(Json.mapper()
                            .readTree(last.get("body"))
                            .path("data")
                            .path("id")
                            .asText())
                    .isEqualTo(id);
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(
                    java.util.Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected = "v1,"
                    + java.util.Base64.getEncoder()
                            .encodeToString(
                                    mac.doFinal((last.get("id") + "." + last.get("timestamp") + "." + last.get("body"))
                                            .getBytes(StandardCharsets.UTF_8)));
            assertThat(List.of(last.get("signature").split(" "))).contains(expected);
        } finally {
            hook.stop(0);
        }
    }

    static void assertProblem(HttpResponse<String> response, int status, String field) throws Exception {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type"))
                .hasValueSatisfying(v -> assertThat(v).startsWith("application/problem+json"));
        if (field != null) assertThat(json(response).path("field").asText()).isEqualTo(field);
    }
}
