package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class HealthHappyTest {
    static LambdaHarness auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
    }

    @Test
    void health_withDependenciesUp_answers200NamingEach() {
        var response = auth.call(ProxyEvent.request("GET", "/health"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("X-Request-Id")).isNotBlank();
        var body = response.json();
        assertThat(body.path("status").asText()).isEqualTo("ok");
        assertThat(body.path("service").asText()).isEqualTo("auth");
        assertThat(body.path("dependencies").path("dynamodb").path("status").asText())
                .isEqualTo("ok");
        assertThat(body.path("dependencies").path("kms").path("status").asText())
                .isEqualTo("ok");
    }

    @Test
    void unknownPath_answersProblemJson404() {
        var response = auth.call(ProxyEvent.request("GET", "/v1/nope").requestId("req-123"));

        assertThat(response.status()).isEqualTo(404);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("route_not_found");
        assertThat(response.json().path("requestId").asText()).isEqualTo("req-123");
    }

    @Test
    void health_withWrongMethod_answers405WithAllow() {
        var response = auth.call(ProxyEvent.request("POST", "/health").json("{}"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET");
        assertThat(response.json().path("code").asText()).isEqualTo("method_not_allowed");
    }
}
