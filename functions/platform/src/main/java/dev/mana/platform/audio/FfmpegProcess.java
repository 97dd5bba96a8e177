package dev.mana.platform.audio;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs one FFmpeg (or ffprobe) process to completion or to its deadline, whichever comes
 * first. Stdin, stdout and stderr are pumped on their own threads, so a process that fills a
 * pipe cannot deadlock us, and a process that never ends is killed at the deadline.
 */
final class FfmpegProcess {
    private static final int STDERR_LIMIT = 8 * 1024;

    /** Writes the process's standard input; the stream is closed afterwards. */
    interface StdinWriter {
        void write(OutputStream stdin) throws IOException;
    }

    record Result(int exitCode, String stderr, boolean timedOut) {
        boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    private FfmpegProcess() {}

    static Result run(List<String> command, StdinWriter stdin, OutputStream stdout, Duration deadline) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException(
                    command.get(0) + " could not be started: is FFmpeg installed? (" + e.getMessage() + ")", e);
        }
        var stderr = new ByteArrayOutputStream();
        Thread writer = Thread.ofVirtual().start(() -> feed(process, stdin));
        var outputFailure = new AtomicReference<IOException>();
        Thread reader = Thread.ofVirtual().start(() -> pump(process, stdout, outputFailure));
        Thread errors = Thread.ofVirtual().start(() -> pumpLimited(process.getErrorStream(), stderr));
        boolean finished;
        try {
            finished = process.waitFor(deadline.toMillis(), TimeUnit.MILLISECONDS);
            if (finished) reader.join(deadline.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        }
        if (!finished) process.destroyForcibly();
        try {
            reader.join(1_000);
            writer.join(1_000);
            errors.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (outputFailure.get() != null) throw new UncheckedIOException(outputFailure.get());
        int exit = finished ? process.exitValue() : -1;
        return new Result(exit, stderr.toString(StandardCharsets.UTF_8).strip(), !finished);
    }

    private static void feed(Process process, StdinWriter stdin) {
        try (OutputStream out = process.getOutputStream()) {
            if (stdin != null) stdin.write(out);
        } catch (IOException ignored) {
            // The process closed its input early (it failed or stopped reading): its exit says why.
        }
    }

    /** Copies stdout to the caller; if the caller's stream fails (a client went away), stops FFmpeg. */
    private static void pump(Process process, OutputStream out, AtomicReference<IOException> failure) {
        var buffer = new byte[64 * 1024];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                try {
                    out.write(buffer, 0, n);
                } catch (IOException e) {
                    failure.set(e);
                    process.destroyForcibly();
                    return;
                }
            }
        } catch (IOException ignored) {
            // The process was killed at the deadline; the result says so.
        }
    }

    private static void pumpLimited(InputStream in, ByteArrayOutputStream out) {
        var buffer = new byte[4096];
        try (in) {
            for (int n; (n = in.read(buffer)) > 0; ) {
                int room = STDERR_LIMIT - out.size();
                if (room > 0) out.write(buffer, 0, Math.min(room, n));
            }
        } catch (IOException ignored) {
            // Killed at the deadline; what was read is enough to log.
        }
    }
}
