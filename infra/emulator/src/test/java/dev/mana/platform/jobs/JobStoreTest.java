package dev.mana.platform.jobs;

import static dev.mana.platform.credits.LedgerFixtureAccess.concurrently;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class JobStoreTest {
    private final JobsFixture f;

    JobStoreTest(EmulatedStack stack) {
        this.f = new JobsFixture(stack);
    }

    @Test
    void create_queuesTheJob_andHoldsItsEstimate() {
        String account = f.account(100);

        var job = f.create(account, 30);

        assertThat(job.id()).matches("job_[0-9a-z]{26}");
        assertThat(job.status()).isEqualTo(JobStatus.QUEUED);
        assertThat(job.credits()).isEqualTo(new Job.Credits(30, 0, 0));
        assertThat(job.holdId()).startsWith("hld_");
        assertThat(job.expiresAt()).isAfter(job.createdAt().plus(Duration.ofDays(6)));
        assertThat(f.ledger.balance(account).balance()).isEqualTo(70);
        assertThat(f.ledger.balance(account).held()).isEqualTo(30);
    }

    @Test
    void create_withoutEnoughCredits_answers402_andCreatesNoJob() {
        String account = f.account(5);

        assertThatThrownBy(() -> f.create(account, 6))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
        assertThat(f.store.list(account, null, null, null, 10).jobs()).isEmpty();
    }

    @Test
    void create_sameIdempotencyKeyManyTimesAtOnce_returnsTheSameJob_andHoldsOnce() throws Exception {
        String account = f.account(100);
        var request = NewJob.of(account, "test", Map.of("urls", 2), 10).withIdempotencyKey("idem-1");

        var outcomes = concurrently(10, 10, () -> f.store.create(request));

        assertThat(outcomes).allMatch(o -> o.error() == null);
        assertThat(outcomes.stream().map(o -> o.value().job().id()).distinct()).hasSize(1);
        assertThat(outcomes.stream().filter(o -> !o.value().replayed())).hasSize(1);
        assertThat(f.ledger.balance(account).held()).isEqualTo(10);
        assertThatThrownBy(() -> f.store.create(
                        NewJob.of(account, "test", Map.of("urls", 3), 10).withIdempotencyKey("idem-1")))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.IDEMPOTENCY_KEY_REUSED));
    }

    @Test
    void get_anotherAccountsJob_isEmpty() {
        var job = f.create(f.account(10), 1);

        assertThat(f.store.get(f.account(10), job.id())).isEmpty();
        assertThat(f.store.get(job.accountId(), job.id())).isPresent();
        assertThat(f.store.get(job.accountId(), "job_nope")).isEmpty();
        assertThat(f.store.cancel(f.account(0), job.id())).isEmpty();
        assertThat(f.store.get(job.accountId(), job.id()).orElseThrow().status())
                .isEqualTo(JobStatus.QUEUED);
    }

    @Test
    void get_expiredJob_isEmpty() {
        var job = f.create(f.account(10), 1);
        var later = new JobStore(
                f.stack.clients().dynamoDb(),
                f.stack.ref("JobsTable"),
                f.ledger,
                JobSettings.DEFAULTS.withClock(Clock.fixed(job.createdAt().plus(Duration.ofDays(8)), ZoneOffset.UTC)));

        assertThat(later.get(job.accountId(), job.id())).isEmpty();
        assertThat(later.list(job.accountId(), null, null, null, 10).jobs()).isEmpty();
    }

    @Test
    void list_newestFirst_filtered_andPaged() {
        String account = f.account(100);
        var first = f.create(account, 1);
        var second = f.create(account, 1);
        var third = f.create(account, 1);
        f.store.cancel(account, second.id());
        f.create(f.account(10), 1);

        var page = f.store.list(account, null, null, null, 2);
        var rest = f.store.list(account, null, null, page.nextCursor(), 2);

        assertThat(page.jobs()).extracting(Job::id).containsExactly(third.id(), second.id());
        assertThat(rest.jobs()).extracting(Job::id).containsExactly(first.id());
        assertThat(rest.nextCursor()).isNull();
        assertThat(f.store.list(account, JobStatus.CANCELED, null, null, 10).jobs())
                .extracting(Job::id)
                .containsExactly(second.id());
        assertThat(f.store.list(account, null, "other", null, 10).jobs()).isEmpty();
        assertThatThrownBy(() -> f.store.list(account, null, null, "bm90LWEtY3Vyc29y", 10))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INVALID_PARAMETER));
    }

    @Test
    void startTwice_secondFindsItBusy() throws Exception {
        var job = f.create(f.account(10), 1);

        var outcomes = concurrently(
                8,
                8,
                () -> f.store.start(job.id(), "w-" + Thread.currentThread().getId(), Duration.ofMinutes(5)));

        assertThat(outcomes.stream().filter(o -> o.value().mayWork())).hasSize(1);
        assertThat(outcomes.stream().filter(o -> o.value().outcome() == Claim.Outcome.BUSY))
                .hasSize(7);
    }

    @Test
    void start_afterTheLeaseLapsed_resumes() {
        var job = f.create(f.account(10), 1);
        f.store.start(job.id(), "w1", Duration.ofMinutes(5));
        f.store.letGo(job.id(), "w1");

        var claim = f.store.start(job.id(), "w2", Duration.ofMinutes(5));

        assertThat(claim.outcome()).isEqualTo(Claim.Outcome.RESUMED);
        assertThat(claim.job().attempts()).isEqualTo(2);
        assertThat(f.store.heartbeat(job.id(), "w1", Duration.ofMinutes(5))).isEmpty();
    }

    @Test
    void cancelQueued_releasesTheHoldAtOnce() {
        String account = f.account(50);
        var job = f.create(account, 20);

        var canceled = f.store.cancel(account, job.id()).orElseThrow();

        assertThat(canceled.status()).isEqualTo(JobStatus.CANCELED);
        assertThat(canceled.credits()).isEqualTo(new Job.Credits(20, 0, 20));
        assertThat(f.ledger.balance(account).balance()).isEqualTo(50);
        assertThat(f.ledger.balance(account).held()).isZero();
        assertThat(f.store.start(job.id(), "w", Duration.ofMinutes(1)).outcome())
                .isEqualTo(Claim.Outcome.FINISHED);
    }

    @Test
    void cancelRunning_asksTheWorkerToStop() {
        String account = f.account(50);
        var job = f.create(account, 20);
        var running = f.store.start(job.id(), "w", Duration.ofMinutes(1)).job();

        var asked = f.store.cancel(account, job.id()).orElseThrow();

        assertThat(asked.status()).isEqualTo(JobStatus.RUNNING);
        assertThat(asked.cancelRequested()).isTrue();
        assertThat(f.store.markCanceled(running)).isTrue();
        assertThat(f.store.markCanceled(running)).isFalse();
        assertThat(f.ledger.balance(account).balance()).isEqualTo(50);
    }

    @Test
    void succeed_capturesTheActualPrice_once() throws Exception {
        String account = f.account(100);
        var job = f.create(account, 40);
        var running = f.store.start(job.id(), "w", Duration.ofMinutes(1)).job();

        var outcomes = concurrently(6, 6, () -> f.store.succeed(running, Map.of("pages", 3), 15));

        assertThat(outcomes.stream().filter(o -> Boolean.TRUE.equals(o.value())))
                .hasSize(1);
        var done = f.store.get(account, job.id()).orElseThrow();
        assertThat(done.status()).isEqualTo(JobStatus.SUCCEEDED);
        assertThat(done.result()).containsEntry("pages", 3);
        assertThat(done.credits()).isEqualTo(new Job.Credits(40, 15, 25));
        assertThat(done.progress().percent()).isEqualTo(100);
        assertThat(f.ledger.balance(account).balance()).isEqualTo(85);
    }

    @Test
    void failAndSucceedRacing_oneWins_andTheHoldEndsOnce() throws Exception {
        String account = f.account(100);
        var job = f.create(account, 40);
        var running = f.store.start(job.id(), "w", Duration.ofMinutes(1)).job();
        var turn = new java.util.concurrent.atomic.AtomicInteger();

        var outcomes = concurrently(
                10,
                10,
                () -> turn.incrementAndGet() % 2 == 0
                        ? f.store.succeed(running, Map.of(), 40)
                        : f.store.fail(running, Map.of("code", "boom")));

        assertThat(outcomes.stream().filter(o -> Boolean.TRUE.equals(o.value())))
                .hasSize(1);
        var done = f.store.get(account, job.id()).orElseThrow();
        long expected = done.status() == JobStatus.SUCCEEDED ? 60 : 100;
        assertThat(f.ledger.balance(account).balance()).isEqualTo(expected);
        assertThat(f.ledger.balance(account).held()).isZero();
    }

    @Test
    void items_arePagedInIndexOrder() {
        var job = f.create(f.account(10), 1);
        for (int i = 4; i >= 0; i--) {
            f.items.record(
                    job,
                    i == 2
                            ? JobItems.ItemResult.failure(i, Map.of("code", "upstream_failed"))
                            : JobItems.ItemResult.success(i, Map.of("n", i)));
        }

        var first = f.items.page(job.id(), null, 3);
        var second = f.items.page(job.id(), first.nextCursor(), 3);

        assertThat(first.items()).extracting(JobItems.ItemResult::index).containsExactly(0, 1, 2);
        assertThat(first.items().get(2).ok()).isFalse();
        assertThat(second.items()).extracting(JobItems.ItemResult::index).containsExactly(3, 4);
        assertThat(second.nextCursor()).isNull();
        assertThat(f.items.recorded(job.id())).containsExactly(0, 1, 2, 3, 4);
    }
}
