package dev.mana.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import java.util.Arrays;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class LoginErrorTest {
    static AuthClient auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
        // One account per test: each test's failures count towards its email's limit (5).
        for (String name : new String[] {"known", "twin", "timing", "empty"}) {
            auth.register(name + "@example.com", AuthClient.PASSWORD);
        }
    }

    @Test
    void wrongPassword_answers401InvalidCredentials() {
        var response = auth.login("known@example.com", "not the right password", "10.0.0.1");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("invalid_credentials");
        assertThat(response.json().has("accessToken")).isFalse();
    }

    @Test
    void unknownEmail_answersExactlyWhatAWrongPasswordAnswers() {
        var wrongPassword = auth.login("twin@example.com", "not the right password", "10.0.0.2");
        var unknownEmail = auth.login("nobody@example.com", "not the right password", "10.0.0.2");

        assertThat(unknownEmail.status()).isEqualTo(wrongPassword.status());
        assertThat(unknownEmail.json().path("code").asText())
                .isEqualTo(wrongPassword.json().path("code").asText());
        assertThat(unknownEmail.json().path("detail").asText())
                .isEqualTo(wrongPassword.json().path("detail").asText());
    }

    /**
     * Fails if the dummy-hash defence is removed: an unknown email would then skip Argon2 and
     * answer in a few milliseconds instead of tens. Medians of a few runs each, interleaved.
     */
    @Test
    void unknownEmail_takesAsLongAsAWrongPassword_becauseArgon2RunsEitherWay() {
        int runs = 4;
        long[] wrongPassword = new long[runs];
        long[] unknownEmail = new long[runs];
        for (int run = 0; run < runs; run++) {
            int i = run;
            String ip = "10.0.1." + i; // keep clear of the per-IP limit
            wrongPassword[i] = nanos(() -> auth.login("timing@example.com", "wrong password " + i, ip));
            unknownEmail[i] = nanos(() -> auth.login("stranger" + i + "@example.com", "wrong password", ip));
        }

        double ratio = (double) median(unknownEmail) / median(wrongPassword);

        assertThat(ratio).as("unknown-email time / wrong-password time").isBetween(0.6, 1.6);
    }

    @Test
    void emptyPassword_answers401NotA5xx() {
        assertThat(auth.login("empty@example.com", "", "10.0.0.3").status()).isEqualTo(401);
    }

    private static long nanos(Supplier<ProxyResponse> call) {
        long start = System.nanoTime();
        var response = call.get();
        long elapsed = System.nanoTime() - start;
        assertThat(response.status()).isEqualTo(401);
        return elapsed;
    }

    private static long median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
