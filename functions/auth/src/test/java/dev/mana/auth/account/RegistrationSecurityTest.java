package dev.mana.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Free credits cost a verified mailbox each, and accounts cannot be minted (or emails probed)
 * at request speed from one network.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RegistrationSecurityTest {
    static AuthClient auth;
    static EmulatedStack stack;
    static long free;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s);
        free = Long.parseLong(s.environment("AuthFunction").get("FREE_MONTHLY_CREDITS"));
    }

    static String register(String email, String sourceIp) {
        var response = auth.post(
                "/v1/auth/register", Json.write(Map.of("email", email, "password", AuthClient.PASSWORD)), sourceIp);
        assertThat(response.status()).as(response.text()).isEqualTo(201);
        return response.json().path("accountId").asText();
    }

    static long balance(String account) {
        return Callers.ledger(stack).balance(account).balance();
    }

    @Test
    void aNewAccount_getsNoCreditsUntilItsEmailIsVerified() {
        String account = register("farm1@example.com", "192.0.2.10");

        assertThat(balance(account)).isZero();
        var verified = auth.verify(account);

        assertThat(verified.status()).as(verified.text()).isEqualTo(200);
        assertThat(verified.json().path("creditsGranted").asLong()).isEqualTo(free);
        assertThat(balance(account)).isEqualTo(free);
    }

    @Test
    void aVerificationToken_worksOnce_andVerifyingAgainGrantsNothing() {
        String account = register("farm2@example.com", "192.0.2.11");
        var verifications = new EmailVerifications(stack.clients().dynamoDb(), stack.ref("AccountsTable"));
        String token = verifications.issue(account, java.time.Instant.now());

        assertThat(auth.post("/v1/auth/verify", Map.of("token", token)).status())
                .isEqualTo(200);
        var reused = auth.post("/v1/auth/verify", Map.of("token", token));
        var again = auth.verify(account);

        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.json().path("field").asText()).isEqualTo("token");
        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("creditsGranted").asLong()).isZero();
        assertThat(balance(account)).isEqualTo(free);
    }

    @Test
    void aGuessedToken_isRefused() {
        var response = auth.post("/v1/auth/verify", Map.of("token", "vrf_" + "A".repeat(43)));

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void registrationsFromOneIpv4Slash24_areThrottledAfterTheLimit_whateverTheAddress() {
        for (int i = 0; i < RegistrationLimit.PER_NETWORK; i++) {
            register("v4-" + i + "@example.com", "198.51.100." + (i + 1));
        }
        int accounts = auth.accountTableItems();

        var refused = auth.post(
                "/v1/auth/register",
                Json.write(Map.of("email", "v4-over@example.com", "password", AuthClient.PASSWORD)),
                "198.51.100.200");

        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        assertThat(refused.json().path("code").asText()).isEqualTo("rate_limited");
        assertThat(refused.header("Retry-After")).isNotBlank();
        assertThat(auth.accountTableItems()).isEqualTo(accounts);
        register("v4-other-net@example.com", "198.51.101.1");
    }

    @Test
    void registrationsFromOneIpv6Slash64_areThrottledAfterTheLimit_whateverTheAddress() {
        for (int i = 0; i < RegistrationLimit.PER_NETWORK; i++) {
            register("v6-" + i + "@example.com", "2001:db8:5:6:" + Integer.toHexString(i + 1) + "::1");
        }

        var refused = auth.post(
                "/v1/auth/register",
                Json.write(Map.of("email", "v6-over@example.com", "password", AuthClient.PASSWORD)),
                "2001:db8:5:6:ffff:ffff:ffff:ffff");

        assertThat(refused.status()).as(refused.text()).isEqualTo(429);
        register("v6-other-net@example.com", "2001:db8:5:7::1");
    }
}
