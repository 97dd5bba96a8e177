package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** JSON arrays as bodies reach the route (Spring Cloud Function alone would swallow them). */
@ExtendWith(AwsEmulatorExtension.class)
class ArrayBodyTest {

    @ParameterizedTest
    @ValueSource(strings = {"[]", "[{\"email\":\"a@b.co\"}]", " [1, 2] "})
    void arrayBody_answers400InvalidType(String body, EmulatedStack stack) {
        var auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");

        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/register").json(body));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("invalid_type");
        assertThat(response.json().path("detail").asText()).contains("JSON object");
    }
}
