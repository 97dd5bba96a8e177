package dev.mana.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.testing.ManualClock;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class CircuitBreakerTest {

    private final ManualClock clock = new ManualClock();
    private final CircuitBreaker breaker = new CircuitBreaker(3, Duration.ofSeconds(10), clock);

    @Test
    void opensOnlyAfterThresholdConsecutiveFailures_aSuccessResetsTheCount() {
        breaker.onFailure();
        breaker.onFailure();
        breaker.onSuccess();
        breaker.onFailure();
        breaker.onFailure();
        assertThat(breaker.tryAcquire()).isTrue();

        breaker.onFailure();

        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
    }

    @Test
    void halfOpen_letsExactlyOneProbeThrough() {
        for (int i = 0; i < 3; i++) {
            breaker.onFailure();
        }
        clock.advance(Duration.ofSeconds(10));

        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.HALF_OPEN);
        assertThat(breaker.tryAcquire()).isFalse();
        breaker.onSuccess();
        assertThat(breaker.tryAcquire()).isTrue();
        assertThat(breaker.state()).isEqualTo(CircuitBreaker.State.CLOSED);
    }
}
