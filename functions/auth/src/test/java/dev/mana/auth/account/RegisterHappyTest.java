package dev.mana.auth.account;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class RegisterHappyTest {
    static AuthClient auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
    }

    @Test
    void register_withEmailAndPassword_answers201WithFreeAccount() {
        var response = auth.register("ada@example.com", AuthClient.PASSWORD);

        assertThat(response.status()).isEqualTo(201);
        var body = response.json();
        assertThat(body.path("accountId").asText()).matches("acct_[A-Za-z0-9_-]{22}");
        assertThat(body.path("email").asText()).isEqualTo("ada@example.com");
        assertThat(body.path("tier").asText()).isEqualTo("free");
        assertThat(body.has("password")).isFalse();
    }

    @Test
    void register_trimsTheEmailAndLowerCasesItsDomain() {
        var response = auth.register("  Grace.Hopper@EXAMPLE.Org ", AuthClient.PASSWORD);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("email").asText()).isEqualTo("Grace.Hopper@example.org");
    }

    @Test
    void register_sameEmailInOtherCase_answers409NamingEmail() {
        assertThat(auth.register("alan@example.net", AuthClient.PASSWORD).status())
                .isEqualTo(201);

        var again = auth.register("ALAN@Example.NET", "another long passphrase");

        assertThat(again.status()).isEqualTo(409);
        assertThat(again.json().path("code").asText()).isEqualTo("conflict");
        assertThat(again.json().path("field").asText()).isEqualTo("email");
    }

    @Test
    void register_internationalDomain_isStoredAsPunycode() {
        var response = auth.register("jürgen@bücher.example", AuthClient.PASSWORD);

        assertThat(response.status()).isEqualTo(201);
        assertThat(response.json().path("email").asText()).isEqualTo("jürgen@xn--bcher-kva.example");
    }

    @Test
    void register_fourConcurrentlyWithOneEmail_createsExactlyOneAccount() throws Exception {
        int racers = 4;
        var start = new CountDownLatch(1);
        var pool = Executors.newFixedThreadPool(racers);
        try {
            List<Future<ProxyResponse>> results = new ArrayList<>();
            for (int i = 0; i < racers; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return auth.register("race@example.com", AuthClient.PASSWORD);
                }));
            }
            start.countDown();
            var statuses = new ArrayList<Integer>();
            for (var result : results) statuses.add(result.get().status());

            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses.stream().filter(s -> s == 201)).hasSize(1);
        } finally {
            pool.shutdown();
        }
        assertThat(auth.login("race@example.com", AuthClient.PASSWORD).status()).isEqualTo(200);
    }
}
