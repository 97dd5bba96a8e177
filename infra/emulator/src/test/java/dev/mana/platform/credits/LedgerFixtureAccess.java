package dev.mana.platform.credits;

import java.util.List;
import java.util.concurrent.Callable;

/** {@link LedgerFixture#concurrently} for the tests of other packages. */
public final class LedgerFixtureAccess {
    private LedgerFixtureAccess() {}

    public record Result<T>(T value, Throwable error) {}

    public static <T> List<Result<T>> concurrently(int calls, int threads, Callable<T> call)
            throws InterruptedException {
        return LedgerFixture.concurrently(calls, threads, call).stream()
                .map(o -> new Result<>(o.value(), o.error()))
                .toList();
    }
}
