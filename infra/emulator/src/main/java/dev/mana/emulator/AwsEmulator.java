package dev.mana.emulator;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The AWS emulator's endpoint, found or started by {@code infra/local/aws-emulator} (which
 * honours AWS_ENDPOINT_URL, a moto_server on PATH, or builds a Debian chroot with moto). One
 * call per JVM; the script itself is safe to run from several JVMs at once.
 */
public final class AwsEmulator {
    private static URI endpoint;

    private AwsEmulator() {}

    public static synchronized URI endpoint() {
        if (endpoint == null) endpoint = start(RepoPaths.root());
        return endpoint;
    }

    private static URI start(Path repo) {
        Path script = repo.resolve("infra/local/aws-emulator");
        try {
            Process process = new ProcessBuilder(script.toString())
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            // The first run on a machine without moto may build a chroot: minutes, not seconds.
            if (!process.waitFor(15, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new IllegalStateException(script + " did not finish within 15 minutes");
            }
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (process.exitValue() != 0 || out.isEmpty()) {
                throw new IllegalStateException(
                        script + " failed (exit " + process.exitValue() + "); see its stderr above");
            }
            String[] lines = out.split("\n");
            return URI.create(lines[lines.length - 1].trim());
        } catch (IOException e) {
            throw new IllegalStateException("Cannot run " + script, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting the AWS emulator", e);
        }
    }
}
