package dev.mana.local;

import dev.mana.emulator.AwsEmulator;
import dev.mana.emulator.RepoPaths;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * {@code infra/local/start}'s JVM (the command line runtime.sh runs: the runtime's classes and
 * class path) as a process of its own, with the environment a user would give it.
 */
final class LocalRuntimeProcess implements AutoCloseable {
    final int port;
    final Process process;
    final List<String> stdout = new CopyOnWriteArrayList<>();
    final List<String> stderr = new CopyOnWriteArrayList<>();

    private LocalRuntimeProcess(int port, Process process) {
        this.port = port;
        this.process = process;
        drain(process.getInputStream(), stdout);
        drain(process.getErrorStream(), stderr);
    }

    static LocalRuntimeProcess start(Map<String, String> environment) throws IOException {
        var root = RepoPaths.root();
        String classPath = root.resolve("infra/local/target/classes") + ":"
                + Files.readString(root.resolve("infra/local/target/runtime-classpath.txt"))
                        .strip();
        String java = ProcessHandle.current().info().command().orElse("java");
        int port = freePort();
        var builder = new ProcessBuilder(
                        java,
                        "-XX:TieredStopAtLevel=1",
                        "-Dmana.repo.dir=" + root,
                        "-cp",
                        classPath,
                        "dev.mana.local.LocalApi")
                .directory(root.toFile());
        builder.environment().put("MANA_LOCAL_PORT", Integer.toString(port));
        builder.environment().put("AWS_ENDPOINT_URL", AwsEmulator.endpoint().toString());
        builder.environment().putAll(environment);
        return new LocalRuntimeProcess(port, builder.start());
    }

    /** Waits for "Mana API ready"; false if the process ended first or the time ran out. */
    boolean awaitReady(Duration timeout) throws InterruptedException {
        long end = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < end) {
            if (stdout.stream().anyMatch(line -> line.startsWith("Mana API ready on"))) return true;
            if (!process.isAlive()) return false;
            Thread.sleep(200);
        }
        return false;
    }

    boolean portIsFree() {
        try (var socket = new ServerSocket(port, 1, java.net.InetAddress.getLoopbackAddress())) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }

    static int freePort() throws IOException {
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void drain(InputStream in, List<String> lines) {
        Thread.ofVirtual().start(() -> {
            try (var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
                for (String line; (line = reader.readLine()) != null; ) lines.add(line);
            } catch (IOException ended) {
                // the process is gone
            }
        });
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(30, TimeUnit.SECONDS)) process.destroyForcibly().waitFor();
    }
}
