package dev.mana.extract.batch;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Jobs;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad batch requests are refused before anything is held: 4xx problems naming the field. */
@ExtendWith(AwsEmulatorExtension.class)
class BatchExtractionErrorTest {
    static ExtractFunction extract;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack emulated) {
        stack = emulated;
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
    }

    static void assertProblem(ProxyResponse response, int status, String code, String field) {
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        if (field != null) assertThat(response.json().path("field").asText()).isEqualTo(field);
    }

    @Test
    void moreThan1000Urls_answers422() {
        String account = extract.account(2000);
        var urls = new ArrayList<String>();
        for (int i = 0; i < 1001; i++) urls.add("https://example.com/" + i);

        assertProblem(extract.batch(account, Bodies.batch(urls, null)), 422, "invalid_field", "urls");
        assertThat(extract.balance(account)).isEqualTo(2000);
    }

    @Test
    void noUrls_orABadOne_answers422NamingIt() {
        String account = extract.account(10);
        assertProblem(extract.batch(account, "{}"), 422, "missing_field", "urls");
        assertProblem(extract.batch(account, Bodies.batch(List.of(), null)), 422, "invalid_field", "urls");
        assertProblem(
                extract.batch(account, Bodies.batch(List.of("https://example.com/", "ftp://example.com/x"), null)),
                422,
                "invalid_field",
                "urls[1]");
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void aWebhookToAPrivateOrLoopbackAddress_answers422NamingWebhookUrl() {
        String account = extract.account(10);
        var urls = List.of("https://example.com/");
        for (String hook : List.of(
                "https://10.0.0.7/hook",
                "https://192.168.1.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://[::1]/hook",
                "https://[fd00::1]/hook",
                "https://100.64.0.1/hook")) {
            var response = extract.batch(account, Bodies.batch(urls, Map.of("url", hook)));
            assertProblem(response, 422, "invalid_field", "webhook.url");
            assertThat(response.json().path("reason").asText()).as(hook).isEqualTo("blocked_address");
        }
        assertProblem(
                extract.batch(account, Bodies.batch(urls, Map.of("url", "ftp://example.com/"))),
                422,
                "invalid_field",
                "webhook.url");
        assertProblem(
                extract.batch(account, Bodies.batch(urls, Map.of("url", "/relative"))),
                422,
                "invalid_field",
                "webhook.url");
        var insecure = extract.batch(account, Bodies.batch(urls, Map.of("url", "http://8.8.8.8/hook")));
        assertProblem(insecure, 422, "invalid_field", "webhook.url");
        assertThat(insecure.json().path("reason").asText()).isEqualTo("insecure_scheme");
        var credentials = extract.batch(account, Bodies.batch(urls, Map.of("url", "https://user:pw@8.8.8.8/hook")));
        assertProblem(credentials, 422, "invalid_field", "webhook.url");
        assertProblem(
                extract.batch(account, Bodies.batch(urls, Map.of("events", List.of()))),
                422,
                "missing_field",
                "webhook.url");
        assertProblem(
                extract.batch(
                        account,
                        Bodies.batch(urls, Map.of("url", "https://8.8.8.8/h", "events", List.of("job.exploded")))),
                422,
                "invalid_field",
                "webhook.events[0]");
        assertThat(extract.balance(account)).isEqualTo(10);
    }

    @Test
    void aWebhookToAPublicAddress_isStoredWithTheJob() {
        String account = extract.account(10);
        var response = extract.batch(
                account,
                Bodies.batch(
                        List.of("https://example.com/"),
                        Map.of(
                                "url",
                                "https://8.8.8.8/hooks",
                                "events",
                                List.of("job.succeeded"),
                                "metadata",
                                Map.of("order", 7))));

        assertThat(response.status()).as(response.text()).isEqualTo(202);
        var job = new Jobs(stack).job(account, response.json().path("id").asText());
        assertThat(job.webhook().url()).isEqualTo("https://8.8.8.8/hooks");
        assertThat(job.webhook().events()).containsExactly("job.succeeded");
        assertThat(job.webhook().metadata()).containsEntry("order", 7);
    }

    @Test
    void aBalanceThatCannotHoldEveryUrl_answers402() {
        String account = extract.account(2);

        var response = extract.batch(
                account,
                Bodies.batch(List.of("https://example.com/1", "https://example.com/2", "https://example.com/3"), null));

        assertProblem(response, 402, "insufficient_credits", null);
        assertThat(extract.balance(account)).isEqualTo(2);
    }

    @Test
    void aJobThatCannotBeQueued_isFailed_itsHoldReleased_andAnswers503() {
        var broken = new ExtractFunction(
                stack,
                Map.of(
                        "MANA_FETCH_ALLOW_CIDRS",
                        ExtractFunction.LOOPBACK,
                        "EXTRACT_QUEUE_URL",
                        stack.ref("ExtractQueue") + "-missing"));
        String account = broken.account(10);

        var response = broken.batch(account, Bodies.batch(List.of("https://example.com/"), null));

        assertProblem(response, 503, "unavailable", null);
        assertThat(broken.balance(account)).isEqualTo(10);
        var listed = new Jobs(stack).store.list(account, null, null, null, 10).jobs();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).status().wire()).isEqualTo("failed");
    }

    @Test
    void withoutACaller_answers401() {
        var response = extract.call(dev.mana.emulator.ProxyEvent.request("POST", "/v1/extract/batch")
                .json(Bodies.batch(List.of("https://example.com/"), null)));

        assertProblem(response, 401, "unauthenticated", null);
    }
}
