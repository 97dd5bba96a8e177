package dev.mana.auth.bench;

import dev.mana.auth.AuthApplication;
import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.Template;
import dev.mana.platform.Log;
import dev.mana.platform.Metrics;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * The warm overhead of the gateway path: a proxy event's bytes through Lambda's handler
 * (Spring Cloud Function's invoker, event conversion, routing, the JSON answer, the log line
 * and the EMF line) for {@code GET /v1/auth/jwks}, whose handler does no I/O. Log and metric
 * lines go to a null stream, as their cost on Lambda is CloudWatch's. Run by hand:
 *
 * <pre>
 * ./mvnw -q -B -o -pl functions/auth test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.mana.auth.bench.GatewayPathBenchmark [-Dexec.args="CALLS"]
 * </pre>
 */
public final class GatewayPathBenchmark {
    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 20_000;
        try (var stack = EmulatedStack.create(
                "bench" + Long.toHexString(System.nanoTime()), AwsEmulator.endpoint(), Template.load())) {
            var auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
            var sink = new PrintStream(OutputStream.nullOutputStream());
            Log.redirect(sink);
            Metrics.redirect(sink);
            byte[] event = ProxyEvent.request("GET", "/v1/auth/jwks").toJson();
            for (int i = 0; i < calls / 2; i++) auth.invoke(event); // warm-up: JIT, caches
            long[] nanos = new long[calls];
            for (int i = 0; i < calls; i++) {
                long started = System.nanoTime();
                auth.invoke(event);
                nanos[i] = System.nanoTime() - started;
            }
            Arrays.sort(nanos);
            System.out.printf(
                    "GET /v1/auth/jwks through LambdaHandler, %d calls: p50 %.1f µs, p90 %.1f µs, p99 %.1f µs (%s)%n",
                    calls,
                    nanos[calls / 2] / 1e3,
                    nanos[calls * 9 / 10] / 1e3,
                    nanos[calls * 99 / 100] / 1e3,
                    Runtime.version());
        }
        System.exit(0);
    }
}
