package dev.mana.authorizer.bench;

import dev.mana.authorizer.AuthorizerApplication;
import dev.mana.emulator.AuthorizerEvent;
import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.Template;
import dev.mana.platform.Log;
import dev.mana.platform.keys.ApiKey;
import dev.mana.platform.keys.ApiKeySecret;
import dev.mana.platform.keys.ApiKeyStore;
import java.io.OutputStream;
import java.io.PrintStream;
import java.time.Instant;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Warm latency of the authorizer, through the same {@link LambdaHarness} (FunctionInvoker) as
 * Lambda: p50/p99 of one invocation with the key in the container cache (warm), with the cache
 * off (every call a DynamoDB GetItem plus the last-used UpdateItem, as after each 30 s
 * expiry), and for a malformed key refused before any lookup.
 *
 * <pre>
 * ./mvnw -q -o -pl functions/authorizer test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.mana.authorizer.bench.AuthorizerLatencyBenchmark -Dexec.args="2000"
 * </pre>
 */
public final class AuthorizerLatencyBenchmark {
    private AuthorizerLatencyBenchmark() {}

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 2000;
        Log.redirect(new PrintStream(OutputStream.nullOutputStream()));
        String name = "authbench" + Long.toHexString(System.nanoTime());
        try (var stack = EmulatedStack.create(name, AwsEmulator.endpoint(), Template.load())) {
            String secret = ApiKeySecret.generate();
            new ApiKeyStore(stack.clients().dynamoDb(), stack.ref("KeysTable"))
                    .create(
                            new ApiKey(
                                    "key_bench",
                                    "acct_bench",
                                    "free",
                                    "bench",
                                    ApiKeySecret.displayPrefix(secret),
                                    ApiKey.Status.ACTIVE,
                                    Instant.now(),
                                    null,
                                    null,
                                    null),
                            ApiKeySecret.hash(secret),
                            5);
            byte[] event = AuthorizerEvent.of("POST", "/v1/search", "/v1/search", Map.of("x-api-key", secret), null);
            byte[] junk =
                    AuthorizerEvent.of("POST", "/v1/search", "/v1/search", Map.of("x-api-key", "mana_live_nope"), null);

            var warm = LambdaHarness.start(AuthorizerApplication.class, stack, "AuthorizerFunction");
            report("API key, warm cache", measure(warm, event, runs));
            report("malformed key (refused before any lookup)", measure(warm, junk, runs));

            var env = new LinkedHashMap<>(stack.environment("AuthorizerFunction"));
            env.put("MANA_AUTHORIZER_CACHE_SECONDS", "0");
            var cold = LambdaHarness.start(AuthorizerApplication.class, env);
            report("API key, cache off (GetItem + UpdateItem each call)", measure(cold, event, runs / 4));
        }
        System.out.println(
                "Java " + Runtime.version() + ", " + Runtime.getRuntime().availableProcessors() + " CPUs, moto "
                        + AwsEmulator.endpoint() + " on loopback");
        System.exit(0);
    }

    private static long[] measure(LambdaHarness harness, byte[] event, int runs) {
        for (int i = 0; i < Math.max(50, runs / 10); i++) harness.invoke(event); // warm-up
        long[] nanos = new long[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            harness.invoke(event);
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        return nanos;
    }

    private static void report(String name, long[] sorted) {
        System.out.printf(
                "| %s | %.2f ms | %.2f ms | %d |%n",
                name,
                sorted[sorted.length / 2] / 1e6,
                sorted[(int) Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.99) - 1)] / 1e6,
                sorted.length);
    }
}
