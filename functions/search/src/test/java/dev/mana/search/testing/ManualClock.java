package dev.mana.search.testing;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/** A clock that moves only when a test moves it, for cool-downs. */
public final class ManualClock implements InstantSource {

    private volatile Instant now = Instant.parse("2025-01-01T00:00:00Z");

    @Override
    public Instant instant() {
        return now;
    }

    public void advance(Duration duration) {
        now = now.plus(duration);
    }
}
