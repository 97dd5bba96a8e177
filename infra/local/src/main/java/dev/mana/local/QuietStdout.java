package dev.mana.local;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/**
 * Drops the {@code ======> SOURCE: class ...} lines Spring Cloud Function's
 * FunctionalSpringApplication prints with System.out for each function it starts (two per
 * function, unconditionally), so the local runtime's output is what a person reads.
 */
final class QuietStdout extends OutputStream {
    private static final String NOISE = "======> SOURCE: ";

    private final OutputStream target;
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

    private QuietStdout(OutputStream target) {
        this.target = target;
    }

    static void install() {
        System.setOut(new PrintStream(new QuietStdout(System.out), true, StandardCharsets.UTF_8));
    }

    @Override
    public synchronized void write(int b) throws java.io.IOException {
        line.write(b);
        if (b == '\n') flushLine();
    }

    @Override
    public synchronized void flush() throws java.io.IOException {
        // A partial line (a prompt) goes out as is; noise always ends its line.
        if (line.size() > 0 && !line.toString(StandardCharsets.UTF_8).startsWith(NOISE)) flushLine();
        target.flush();
    }

    private void flushLine() throws java.io.IOException {
        if (!line.toString(StandardCharsets.UTF_8).startsWith(NOISE)) line.writeTo(target);
        line.reset();
    }
}
