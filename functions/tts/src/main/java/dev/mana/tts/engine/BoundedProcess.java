package dev.mana.tts.engine;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs a program with its input on stdin (never in its arguments, so text cannot become an
 * option or reach a shell), its output read concurrently so neither pipe fills, and a deadline:
 * past it the process tree is killed and {@link Failed} says so.
 */
public final class BoundedProcess {

    /** Why a run gave no usable output: the deadline, the exit status or too much output. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private static final int MAX_STDERR_BYTES = 8 * 1024;

    private BoundedProcess() {}

    /** Standard output of {@code command} fed {@code stdin}; at most {@code maxOutputBytes}. */
    public static byte[] run(List<String> command, byte[] stdin, Duration deadline, int maxOutputBytes) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new Failed("cannot start " + command.get(0) + ": " + e.getMessage());
        }
        var io = Executors.newVirtualThreadPerTaskExecutor();
        try {
            Future<?> writer = io.submit(() -> {
                try (OutputStream in = process.getOutputStream()) {
                    in.write(stdin);
                }
                return null;
            });
            Future<byte[]> out = io.submit(() -> read(process.getInputStream(), maxOutputBytes));
            Future<byte[]> err = io.submit(() -> read(process.getErrorStream(), MAX_STDERR_BYTES));
            long nanos = deadline.toNanos();
            long started = System.nanoTime();
            if (!process.waitFor(nanos, TimeUnit.NANOSECONDS)) {
                throw new Failed(command.get(0) + " did not finish within " + deadline.toMillis() + " ms");
            }
            long left = Math.max(1, nanos - (System.nanoTime() - started));
            byte[] output = out.get(left, TimeUnit.NANOSECONDS);
            String errors = new String(err.get(left, TimeUnit.NANOSECONDS), StandardCharsets.UTF_8);
            writer.get(left, TimeUnit.NANOSECONDS);
            if (process.exitValue() != 0) {
                throw new Failed(command.get(0) + " exited with " + process.exitValue() + ": " + errors.strip());
            }
            if (output.length > maxOutputBytes) {
                throw new Failed(command.get(0) + " wrote more than " + maxOutputBytes + " bytes");
            }
            return output;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Failed(command.get(0) + " was interrupted");
        } catch (ExecutionException | TimeoutException e) {
            throw new Failed(command.get(0) + " failed: " + e);
        } finally {
            // Killed before the readers are awaited: their streams end when the process does.
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            io.close();
        }
    }

    /** Reads to the end, keeping one byte past {@code limit} so an overflow can be told apart. */
    private static byte[] read(InputStream stream, int limit) throws IOException {
        var kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[64 * 1024];
        int n;
        while ((n = stream.read(buffer)) >= 0) {
            int room = limit + 1 - kept.size();
            if (room > 0) kept.write(buffer, 0, Math.min(n, room));
        }
        return kept.toByteArray();
    }
}
