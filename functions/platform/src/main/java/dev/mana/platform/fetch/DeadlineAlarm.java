package dev.mana.platform.fetch;

import java.io.Closeable;
import java.io.IOException;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Closes a connection when its fetch's deadline passes, whatever it is blocked in. Socket
 * timeouts bound each read, not the sum of reads: a peer answering the TLS handshake, the
 * headers or the body one byte a second keeps every read short and the fetch alive for ever,
 * and a write to a peer that never reads has no timeout at all. One daemon thread serves every
 * fetch of the container; closing the socket makes the blocked call throw at once.
 */
final class DeadlineAlarm implements AutoCloseable {

    private static final ScheduledThreadPoolExecutor TIMER = timer();

    private final ScheduledFuture<?> alarm;

    private DeadlineAlarm(ScheduledFuture<?> alarm) {
        this.alarm = alarm;
    }

    /** Schedules {@code connection} to be closed at {@code deadline}, unless this is closed first. */
    static DeadlineAlarm closeAt(Deadline deadline, Closeable connection) {
        long delay = Math.max(0, deadline.endNanos() - System.nanoTime());
        return new DeadlineAlarm(TIMER.schedule(() -> quietlyClose(connection), delay, TimeUnit.NANOSECONDS));
    }

    /** Disarms the alarm: the fetch ended by itself. */
    @Override
    public void close() {
        alarm.cancel(false);
    }

    private static void quietlyClose(Closeable connection) {
        try {
            connection.close();
        } catch (IOException ignored) {
            // the connection is being abandoned either way
        }
    }

    private static ScheduledThreadPoolExecutor timer() {
        var timer = new ScheduledThreadPoolExecutor(1, task -> {
            Thread thread = new Thread(task, "fetch-deadline");
            thread.setDaemon(true);
            return thread;
        });
        // Most fetches end before their deadline: drop cancelled alarms instead of keeping them queued.
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }
}
