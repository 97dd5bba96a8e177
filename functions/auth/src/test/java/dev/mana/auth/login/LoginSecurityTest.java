package dev.mana.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Password guessing: no race gets past the limit, and no network hides behind its neighbours. */
@ExtendWith(AwsEmulatorExtension.class)
class LoginSecurityTest {
    static AuthClient auth;
    static EmulatedStack stack;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
    }

    @Test
    void guessesRacingFromTwoContainers_getNoMorePasswordChecksThanTheLimit() throws Exception {
        // Two containers: each its own throttle over the one table.
        var containers = new LoginThrottle[] {
            new LoginThrottle(
                    new LoginAttemptStore(stack.clients().dynamoDb(), stack.ref("AccountsTable")), LoginLimits.DEFAULT),
            new LoginThrottle(
                    new LoginAttemptStore(stack.clients().dynamoDb(), stack.ref("AccountsTable")), LoginLimits.DEFAULT)
        };
        int guesses = 16;
        var start = new CountDownLatch(1);
        var checked = new AtomicInteger();
        var tasks = new ArrayList<Callable<Void>>();
        for (int i = 0; i < guesses; i++) {
            var throttle = containers[i % 2];
            String ip = "10." + i + ".0.1"; // every guess from its own network: only the email's count can trip
            tasks.add(() -> {
                start.await();
                try {
                    throttle.begin("victim@example.com", ip, Instant.now());
                    checked.incrementAndGet(); // the password would be checked now
                } catch (ApiException refused) {
                    assertThat(refused.errorCode().code()).isEqualTo("rate_limited");
                }
                return null;
            });
        }
        try (var pool = Executors.newFixedThreadPool(guesses)) {
            var futures = tasks.stream().map(pool::submit).toList();
            start.countDown();
            for (var f : futures) f.get();
        }

        assertThat(checked.get()).isEqualTo(LoginLimits.DEFAULT.perEmail());
    }

    /** Counts guesses as the login route does, one from each of {@code addresses}, without Argon2's cost. */
    static void guessFrom(String... addresses) {
        var throttle = new LoginThrottle(
                new LoginAttemptStore(stack.clients().dynamoDb(), stack.ref("AccountsTable")), LoginLimits.DEFAULT);
        for (int i = 0; i < addresses.length; i++) {
            throttle.begin("sprayed" + i + "-" + addresses[i] + "@example.com", addresses[i], Instant.now());
        }
    }

    @Test
    void guessesSpreadOverAnIpv4Slash24_shareOneLimit() {
        guessFrom(java.util.stream.IntStream.range(0, LoginLimits.DEFAULT.perIp() - 1)
                .mapToObj(i -> "203.0.113." + (i + 1))
                .toArray(String[]::new));
        assertThat(auth.login("spread@example.com", "last allowed guess", "203.0.113.200")
                        .status())
                .isEqualTo(401);

        var blocked = auth.login("spread-last@example.com", "wrong guess", "203.0.113.250");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(auth.login("spread-last@example.com", "wrong guess", "203.0.112.250")
                        .status())
                .isEqualTo(401);
    }

    @Test
    void guessesSpreadOverAnIpv6Slash64_shareOneLimit() {
        guessFrom(java.util.stream.IntStream.range(0, LoginLimits.DEFAULT.perIp())
                .mapToObj(i -> "2001:db8:9:9:" + Integer.toHexString(i + 1) + "::7")
                .toArray(String[]::new));

        var blocked = auth.login("v6spread-last@example.com", "wrong guess", "2001:db8:9:9:ffff::1");

        assertThat(blocked.status()).isEqualTo(429);
        assertThat(auth.login("v6spread-last@example.com", "wrong guess", "2001:db8:9:a::1")
                        .status())
                .isEqualTo(401);
    }
}
