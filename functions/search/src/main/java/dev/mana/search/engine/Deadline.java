package dev.mana.search.engine;

import java.time.Duration;

/** A point on the monotonic clock ({@link System#nanoTime()}), immune to wall-clock jumps. */
public record Deadline(long nanoTime) {

    public static Deadline after(Duration duration) {
        return new Deadline(System.nanoTime() + duration.toNanos());
    }

    public Duration remaining() {
        return Duration.ofNanos(Math.max(0, nanoTime - System.nanoTime()));
    }

    public boolean passed() {
        return nanoTime - System.nanoTime() <= 0;
    }

    public Deadline earliest(Deadline other) {
        return nanoTime - other.nanoTime <= 0 ? this : other;
    }

    /** {@code limit}, or less if this deadline comes sooner. */
    public Duration cap(Duration limit) {
        Duration left = remaining();
        return left.compareTo(limit) < 0 ? left : limit;
    }
}
