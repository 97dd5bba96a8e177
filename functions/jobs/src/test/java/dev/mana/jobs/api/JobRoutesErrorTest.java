package dev.mana.jobs.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.jobs.testing.JobsFunction;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad parameters of the job routes: 400 or 404 problems naming the parameter. */
@ExtendWith(AwsEmulatorExtension.class)
class JobRoutesErrorTest {
    static JobsFunction jobs;

    @BeforeAll
    static void start(EmulatedStack stack) {
        jobs = new JobsFunction(stack);
    }

    private static ProxyEvent list(String account) {
        return ProxyEvent.request("GET", "/v1/jobs").caller(account, "key_test", "free");
    }

    @Test
    void list_withAnUnknownKind_answers400NamingKind() {
        var response = jobs.call(list(jobs.account(0)).query("kind", "teleport"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("invalid_parameter");
        assertThat(response.json().path("parameter").asText()).isEqualTo("kind");
    }

    @Test
    void list_withAnUnknownStatus_orBadLimit_orBadCursor_answers400() {
        String account = jobs.account(0);
        assertThat(jobs.call(list(account).query("status", "done"))
                        .json()
                        .path("parameter")
                        .asText())
                .isEqualTo("status");
        assertThat(jobs.call(list(account).query("limit", "1000"))
                        .json()
                        .path("parameter")
                        .asText())
                .isEqualTo("limit");
        assertThat(jobs.call(list(account).query("limit", "ten")).status()).isEqualTo(400);
        var cursor = jobs.call(list(account).query("cursor", "not-a-cursor"));
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().path("parameter").asText()).isEqualTo("cursor");
    }

    @Test
    void get_ofAnUnknownOrMalformedId_answers404() {
        String account = jobs.account(0);
        var unknown = jobs.getJob(account, "job_0000000000000000000000000z", Map.of());
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.json().path("code").asText()).isEqualTo("not_found");
        assertThat(jobs.getJob(account, "nope", Map.of()).status()).isEqualTo(404);
        assertThat(jobs.cancel(account, "job_0000000000000000000000000z").status())
                .isEqualTo(404);
    }

    @Test
    void get_withABadItemsCursor_orItemsLimit_answers400() {
        String account = jobs.account(5);
        var job = jobs.job(account, "extract-batch", 1);

        var cursor = jobs.getJob(account, job.id(), Map.of("itemsCursor", "x"));
        assertThat(cursor.status()).isEqualTo(400);
        assertThat(cursor.json().path("parameter").asText()).isEqualTo("itemsCursor");
        var limit = jobs.getJob(account, job.id(), Map.of("itemsLimit", "0"));
        assertThat(limit.status()).isEqualTo(400);
        assertThat(limit.json().path("parameter").asText()).isEqualTo("itemsLimit");
    }
}
