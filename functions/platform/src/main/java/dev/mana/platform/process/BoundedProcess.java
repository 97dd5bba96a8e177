package dev.mana.platform.process;

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
 * Runs a program (FFmpeg, espeak-ng) to completion or to its deadline, whichever comes first.
 * Input goes on stdin, never in the arguments, so text cannot become an option or reach a shell;
 * stdin, stdout and stderr are pumped on their own threads, so a program that fills a pipe cannot
 * deadlock us; past the deadline the process and its children are killed.
 */
public final class BoundedProcess {
    private static final int STDERR_LIMIT = 8 * 1024;

    /** Writes the process's standard input; the stream is closed afterwards. */
    public interface StdinWriter {
        void write(OutputStream stdin) throws IOException;
    }

    /** How a run ended; {@code stderr} holds at most its first 8 KB. */
    public record Result(int exitCode, String stderr, boolean timedOut) {
        public boolean succeeded() {
            return !timedOut && exitCode == 0;
        }
    }

    /** Why {@link #run} gave no usable output: the deadline, the exit status or too much output. */
    public static final class Failed extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Failed(String message) {
            super(message);
        }
    }

    private BoundedProcess() {}

    /** Standard output of {@code command} fed {@code stdin}, at most {@code maxOutputBytes}. */
    public static byte[] run(List<String> command, byte[] stdin, Duration deadline, int maxOutputBytes) {
        var out = new CappedBuffer(maxOutputBytes);
        Result result;
        try {
            result = stream(command, in -> in.write(stdin), out, deadline);
        } catch (IllegalStateException e) {
            throw new Failed(e.getMessage());
        }
        if (result.timedOut()) {
            throw new Failed(command.get(0) + " did not finish within " + deadline.toMillis() + " ms");
        }
        if (result.exitCode() != 0) {
            throw new Failed(command.get(0) + " exited with " + result.exitCode() + ": " + result.stderr());
        }
        if (out.overflowed()) throw new Failed(command.get(0) + " wrote more than " + maxOutputBytes + " bytes");
        return out.toByteArray();
    }

    /**
     * Runs {@code command}, copying its stdout to {@code stdout} as it comes (a client hears the
     * start of an encoding before its end). If {@code stdout} fails (the client went away) the
     * process is stopped and the failure rethrown.
     *
     * @throws IllegalStateException when the program cannot be started (not installed)
     */
    public static Result stream(List<String> command, StdinWriter stdin, OutputStream stdout, Duration deadline) {
        Process process;
        try {
            process = new ProcessBuilder(command).start();
        } catch (IOException e) {
            throw new IllegalStateException("cannot start " + command.get(0) + ": " + e.getMessage(), e);
        }
        var stderr = new CappedBuffer(STDERR_LIMIT);
        var outputFailure = new AtomicReference<IOException>();
        Thread writer = Thread.ofVirtual().start(() -> feed(process, stdin));
        Thread reader = Thread.ofVirtual().start(() -> pump(process, stdout, outputFailure));
        Thread errors = Thread.ofVirtual().start(() -> drain(process.getErrorStream(), stderr));
        boolean finished;
        try {
            long started = System.nanoTime();
            finished = process.waitFor(deadline.toNanos(), TimeUnit.NANOSECONDS);
            long left = Math.max(1, deadline.toNanos() - (System.nanoTime() - started));
            if (finished) reader.join(Duration.ofNanos(left));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            finished = false;
        } finally {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
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
        return new Result(exit, new String(stderr.toByteArray(), StandardCharsets.UTF_8).strip(), !finished);
    }

    private static void feed(Process process, StdinWriter stdin) {
        try (OutputStream out = process.getOutputStream()) {
            if (stdin != null) stdin.write(out);
        } catch (IOException ignored) {
            // The process closed its input early (it failed or stopped reading): its exit says why.
        }
    }

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

    private static void drain(InputStream in, OutputStream out) {
        try (in) {
            in.transferTo(out);
        } catch (IOException ignored) {
            // Killed at the deadline; what was read is enough to log.
        }
    }

    /** Keeps the first {@code limit} bytes and notes whether more came; never blocks the writer. */
    private static final class CappedBuffer extends ByteArrayOutputStream {
        private final int limit;
        private boolean overflowed;

        CappedBuffer(int limit) {
            this.limit = limit;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int room = limit - count;
            if (len > room) overflowed = true;
            if (room > 0) super.write(b, off, Math.min(room, len));
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[] {(byte) b}, 0, 1);
        }

        boolean overflowed() {
            return overflowed;
        }
    }
}
