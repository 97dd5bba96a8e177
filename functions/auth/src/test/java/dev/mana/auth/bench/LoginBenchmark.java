package dev.mana.auth.bench;

import dev.mana.auth.AuthApplication;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.Template;
import dev.mana.platform.Log;
import java.io.OutputStream;
import java.io.PrintStream;
import java.util.Arrays;

/**
 * Login latency with the chosen Argon2id parameters (m=19 MiB, t=2, p=1), run by hand:
 *
 * <pre>
 * ./mvnw -q -B -o -pl functions/auth test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.mana.auth.bench.LoginBenchmark [-Dexec.args="ROUNDS"]
 * </pre>
 *
 * Prints Argon2 alone (hash and verify) and a whole login through the Lambda invoker against
 * the emulator (lookup, Argon2, KMS sign, refresh-token write), after a warm-up, as percentiles.
 */
public final class LoginBenchmark {
    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        var hasher = new PasswordHasher(PasswordHasher.Parameters.OWASP);
        String hash = hasher.hash("correct horse battery staple");
        for (int i = 0; i < 5; i++) hasher.verify("correct horse battery staple", hash);
        report(
                "argon2id verify (m=19456 KiB, t=2, p=1)",
                rounds,
                () -> hasher.verify("correct horse battery staple", hash));

        Log.redirect(new PrintStream(OutputStream.nullOutputStream()));
        try (var stack = EmulatedStack.create("bench" + System.nanoTime(), AwsEmulator.endpoint(), Template.load())) {
            var auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
            auth.call(ProxyEvent.request("POST", "/v1/auth/register")
                    .json("{\"email\":\"bench@example.com\",\"password\":\"correct horse battery staple\"}"));
            Runnable login = () -> {
                var response = auth.call(ProxyEvent.request("POST", "/v1/auth/login")
                        .json("{\"email\":\"bench@example.com\",\"password\":\"correct horse battery staple\"}"));
                if (response.status() != 200) throw new IllegalStateException(response.text());
            };
            for (int i = 0; i < 5; i++) login.run();
            report("POST /v1/auth/login, whole path, emulator", rounds, login);
        }
        System.exit(0);
    }

    private static void report(String name, int rounds, Runnable task) {
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long start = System.nanoTime();
            task.run();
            ms[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(ms);
        System.out.printf(
                "%-45s n=%d  p50=%.1f ms  p90=%.1f ms  max=%.1f ms%n",
                name, rounds, ms[rounds / 2], ms[(int) (rounds * 0.9)], ms[rounds - 1]);
    }
}
