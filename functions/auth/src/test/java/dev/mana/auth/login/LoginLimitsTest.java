package dev.mana.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class LoginLimitsTest {
    static final LoginLimits LIMITS = LoginLimits.DEFAULT;

    @Test
    void lockout_startsAtTheLimit_doublesPerFailure_andIsCapped() {
        assertThat(LIMITS.lockout(4, 5)).isEqualTo(Duration.ZERO);
        assertThat(LIMITS.lockout(5, 5)).isEqualTo(Duration.ofSeconds(30));
        assertThat(LIMITS.lockout(6, 5)).isEqualTo(Duration.ofSeconds(60));
        assertThat(LIMITS.lockout(7, 5)).isEqualTo(Duration.ofSeconds(120));
        assertThat(LIMITS.lockout(500, 5)).isEqualTo(Duration.ofMinutes(15));
    }
}
