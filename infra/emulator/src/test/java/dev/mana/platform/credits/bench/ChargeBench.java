package dev.mana.platform.credits.bench;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.Template;
import dev.mana.platform.credits.CreditLedger;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Charges per second through {@link CreditLedger} against the AWS emulator (moto), on one
 * account under contention and spread over many accounts. Each scenario gets a fresh stack
 * (moto copies a whole table on every transaction, so its speed depends on the table's size)
 * and warms up before it is measured. Every charge carries its own idempotency key, as a
 * {@code POST /v1/credits/use} with {@code Idempotency-Key} does: four items per transaction.
 *
 * <pre>
 * ./mvnw -q -o -pl infra/emulator test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.mana.platform.credits.bench.ChargeBench -Dexec.args="SECONDS THREADS"
 * </pre>
 *
 * moto copies the whole table on every TransactWriteItems, so its cost per charge grows with
 * the table (the many-accounts table starts with their grants): the last column says how big.
 * The figures are moto's, on this machine: they rank changes to the ledger's request pattern;
 * they say nothing of DynamoDB's own throughput (about 1,000 writes/s per partition, fewer for
 * transactions on one hot item).
 */
public final class ChargeBench {
    private ChargeBench() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int threads = args.length > 1 ? Integer.parseInt(args[1]) : 16;
        var results = new ArrayList<String>();
        results.add(run("one account, 1 thread", 1, 1, seconds));
        results.add(run("one account, " + threads + " threads (contention)", 1, threads, seconds));
        results.add(run("256 accounts, " + threads + " threads", 256, threads, seconds));
        System.out.println();
        System.out.println("| scenario | charges/s | p50 ms | p99 ms | charges | failures | table items at end |");
        System.out.println("|---|---|---|---|---|---|---|");
        results.forEach(System.out::println);
        System.out.println();
        System.out.println(
                "moto " + AwsEmulator.endpoint() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, Java "
                        + Runtime.version() + "; figures are moto's, not DynamoDB's.");
    }

    private static String run(String name, int accounts, int threads, int seconds) throws Exception {
        String stackName = "bench" + Long.toHexString(System.nanoTime());
        try (var stack = EmulatedStack.create(stackName, AwsEmulator.endpoint(), Template.load())) {
            var ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
            IntFunction<String> account = i -> "bench_" + (i % accounts);
            for (int i = 0; i < accounts; i++) ledger.grant(account.apply(i), 1_000_000_000L, "bench", "bench-grant");
            measure(ledger, account, threads, Math.max(1, seconds / 5), new Stats()); // warm-up
            var stats = new Stats();
            double elapsed = measure(ledger, account, threads, seconds, stats);
            long[] latencies = stats.latencies();
            long items = stack.clients()
                    .dynamoDb()
                    .describeTable(d -> d.tableName(stack.ref("CreditsTable")))
                    .table()
                    .itemCount();
            String row = String.format(
                    "| %s | %.0f | %.1f | %.1f | %d | %d | %d |",
                    name,
                    latencies.length / elapsed,
                    percentile(latencies, 0.50) / 1e6,
                    percentile(latencies, 0.99) / 1e6,
                    latencies.length,
                    stats.failures.get(),
                    items);
            System.out.println(row);
            return row;
        }
    }

    private static double measure(
            CreditLedger ledger, IntFunction<String> account, int threads, int seconds, Stats stats)
            throws InterruptedException {
        long start = System.nanoTime();
        long end = start + seconds * 1_000_000_000L;
        var counter = new AtomicLong();
        try (var pool = Executors.newFixedThreadPool(threads)) {
            for (int t = 0; t < threads; t++) {
                pool.submit(() -> {
                    var mine = new ArrayList<Long>();
                    while (System.nanoTime() < end) {
                        long n = counter.getAndIncrement();
                        long began = System.nanoTime();
                        try {
                            ledger.charge(
                                    account.apply((int) (n % Integer.MAX_VALUE)), 1, "bench", "k" + n + "-" + began);
                            mine.add(System.nanoTime() - began);
                        } catch (RuntimeException e) {
                            stats.failures.incrementAndGet();
                        }
                    }
                    stats.add(mine);
                });
            }
        }
        return (System.nanoTime() - start) / 1e9;
    }

    private static long percentile(long[] sorted, double p) {
        return sorted.length == 0 ? 0 : sorted[Math.min(sorted.length - 1, (int) Math.ceil(p * sorted.length) - 1)];
    }

    private static final class Stats {
        final AtomicLong failures = new AtomicLong();
        private final List<Long> all = new ArrayList<>();

        synchronized void add(List<Long> some) {
            all.addAll(some);
        }

        synchronized long[] latencies() {
            long[] out = all.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(out);
            return out;
        }
    }
}
