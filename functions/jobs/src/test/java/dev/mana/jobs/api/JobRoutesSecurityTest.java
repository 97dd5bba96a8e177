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

/** Another account's job is 404 to read and to cancel, and never listed; no caller is 401. */
@ExtendWith(AwsEmulatorExtension.class)
class JobRoutesSecurityTest {
    static JobsFunction jobs;

    @BeforeAll
    static void start(EmulatedStack stack) {
        jobs = new JobsFunction(stack);
    }

    @Test
    void anotherAccountsJob_is404_andStaysUncanceled() {
        String owner = jobs.account(10);
        String other = jobs.account(10);
        var job = jobs.job(owner, "extract-batch", 3);

        var read = jobs.getJob(other, job.id(), Map.of());
        var cancel = jobs.cancel(other, job.id());

        assertThat(read.status()).isEqualTo(404);
        assertThat(read.text()).doesNotContain(owner);
        assertThat(cancel.status()).isEqualTo(404);
        assertThat(jobs.store.get(owner, job.id()).orElseThrow().status().wire())
                .isEqualTo("queued");
        assertThat(jobs.balance(owner)).isEqualTo(7);
        assertThat(jobs.get(other, "/v1/jobs").json().path("jobs")).isEmpty();
    }

    @Test
    void withoutACaller_everyRouteAnswers401() {
        assertThat(jobs.call(ProxyEvent.request("GET", "/v1/jobs")).status()).isEqualTo(401);
        assertThat(jobs.call(ProxyEvent.request("GET", "/v1/jobs/job_0000000000000000000000000z")
                                .resource("/v1/jobs/{id}", Map.of("id", "job_0000000000000000000000000z")))
                        .status())
                .isEqualTo(401);
        assertThat(jobs.call(ProxyEvent.request("POST", "/v1/uploads").json("{}"))
                        .status())
                .isEqualTo(401);
    }
}
