package dev.mana.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Brute-force limits, per email and per client IP, with a backoff that grows. */
@ExtendWith(AwsEmulatorExtension.class)
class LoginThrottleTest {
    static AuthClient auth;
    static LoginAttemptStore attempts;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
        attempts = new LoginAttemptStore(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
    }

    @Test
    void fiveFailuresForOneEmail_thenEvenTheRightPasswordAnswers429WithRetryAfter() {
        auth.register("target@example.com", AuthClient.PASSWORD);
        for (int i = 0; i < LoginLimits.DEFAULT.perEmail(); i++) {
            // Each from its own IP: only the per-email count can trip.
            assertThat(auth.login("target@example.com", "guess number " + i, "192.0.2." + i)
                            .status())
                    .isEqualTo(401);
        }

        var blocked = auth.login("target@example.com", AuthClient.PASSWORD, "192.0.2.99");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(25, 30);
    }

    @Test
    void unknownEmail_isThrottledLikeAKnownOne() {
        for (int i = 0; i < LoginLimits.DEFAULT.perEmail(); i++) {
            auth.login("ghost@example.com", "guess number " + i, "198.51.100." + i);
        }

        assertThat(auth.login("ghost@example.com", "one more", "198.51.100.99").status())
                .isEqualTo(429);
    }

    @Test
    void failuresFromOneNetworkAcrossEmails_past20_answer429ForAnyEmail() {
        for (int i = 0; i < LoginLimits.DEFAULT.perIp() - 1; i++) {
            attempts.recordFailure(
                    "ip#203.0.113.0/24", Instant.now(), Instant.now().plusSeconds(600));
        }
        assertThat(auth.login("spray" + "@example.com", "last allowed guess", "203.0.113.50")
                        .status())
                .isEqualTo(401);

        var blocked = auth.login("someone.else@example.com", "another guess", "203.0.113.50");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(blocked.header("Retry-After")).isNotBlank();
        assertThat(auth.login("someone.else@example.com", "another guess", "203.0.114.51")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void failureAfterALockoutHasPassed_locksForTwiceAsLong() {
        auth.register("slow@example.com", AuthClient.PASSWORD);
        Instant earlier = Instant.now().minusSeconds(45); // the first 30 s lockout is over
        for (int i = 0; i < LoginLimits.DEFAULT.perEmail(); i++) {
            attempts.recordFailure("email#slow@example.com", earlier, earlier.plusSeconds(3600));
        }

        assertThat(auth.login("slow@example.com", "still guessing", "192.0.2.200")
                        .status())
                .isEqualTo(401);
        var blocked = auth.login("slow@example.com", AuthClient.PASSWORD, "192.0.2.201");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(Integer.parseInt(blocked.header("Retry-After"))).isBetween(55, 60);
    }

    @Test
    void successfulLogin_clearsTheEmailsCount() {
        auth.register("forgetful@example.com", AuthClient.PASSWORD);
        for (int i = 0; i < LoginLimits.DEFAULT.perEmail() - 1; i++) {
            auth.login("forgetful@example.com", "guess number " + i, "192.0.2.1" + i);
        }
        assertThat(auth.login("forgetful@example.com", AuthClient.PASSWORD, "192.0.2.150")
                        .status())
                .isEqualTo(200);

        assertThat(attempts.find("email#forgetful@example.com", Instant.now())).isEmpty();
    }

    @Test
    void expiredCount_isIgnoredAndStartsAgain() {
        Instant longAgo = Instant.now().minusSeconds(7200);
        for (int i = 0; i < 10; i++) {
            attempts.recordFailure("email#old@example.com", longAgo, longAgo.plusSeconds(1800));
        }

        assertThat(attempts.find("email#old@example.com", Instant.now())).isEmpty();
        var fresh = attempts.recordFailure(
                "email#old@example.com", Instant.now(), Instant.now().plusSeconds(1800));
        assertThat(fresh.failures()).isEqualTo(1);
    }
}
