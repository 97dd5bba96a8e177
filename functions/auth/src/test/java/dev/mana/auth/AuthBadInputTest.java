package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bad input on every route: a 4xx problem naming the field, never a 5xx, and nothing written.
 * Runs on its own stack, so "nothing written" is an empty accounts table.
 */
@ExtendWith(AwsEmulatorExtension.class)
class AuthBadInputTest {
    static AuthClient auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
    }

    @ParameterizedTest(name = "{0} {1} -> {2} {3} {4}")
    @CsvSource(
            nullValues = "-",
            value = {
                "register, malformed.json, 400, malformed_json, -",
                "register, null-body.json, 400, malformed_json, -",
                "register, empty-object.json, 422, missing_field, email",
                "register, register-no-email.json, 422, missing_field, email",
                "register, register-null-email.json, 422, missing_field, email",
                "register, register-no-password.json, 422, missing_field, password",
                "register, register-email-number.json, 400, invalid_type, email",
                "register, register-password-array.json, 400, invalid_type, password",
                "register, register-unknown-field.json, 400, unknown_field, admin",
                "register, register-name-object.json, 400, invalid_type, name",
                "register, register-invalid-email.json, 422, invalid_field, email",
                "register, register-email-no-dot.json, 422, invalid_field, email",
                "register, register-email-space.json, 422, invalid_field, email",
                "register, register-email-bad-domain.json, 422, invalid_field, email",
                "register, register-email-nul.json, 422, invalid_field, email",
                "register, register-email-overlong.json, 422, invalid_field, email",
                "register, register-name-overlong.json, 422, invalid_field, name",
                "register, register-password-short.json, 422, invalid_field, password",
                "register, register-password-129.json, 422, invalid_field, password",
                "register, register-password-overlong.json, 422, invalid_field, password",
                "register, register-password-common.json, 422, invalid_field, password",
                "register, register-password-common2.json, 422, invalid_field, password",
                "register, register-password-has-email.json, 422, invalid_field, password",
                "register, register-password-one-char.json, 422, invalid_field, password",
                "register, register-password-lone-surrogate.json, 422, invalid_field, password",
                "register, register-password-control.json, 422, invalid_field, password",
                "register, register-password-emoji-short.json, 422, invalid_field, password",
                "login, malformed.json, 400, malformed_json, -",
                "login, empty-object.json, 422, missing_field, email",
                "login, login-no-password.json, 422, missing_field, password",
                "login, login-password-number.json, 400, invalid_type, password",
                "login, login-invalid-email.json, 422, invalid_field, email",
                "login, login-password-overlong.json, 422, invalid_field, password",
                "login, register-unknown-field.json, 400, unknown_field, admin",
                "refresh, malformed.json, 400, malformed_json, -",
                "refresh, empty-object.json, 422, missing_field, refreshToken",
                "refresh, refresh-token-number.json, 400, invalid_type, refreshToken",
                "refresh, refresh-token-overlong.json, 422, invalid_field, refreshToken",
                "refresh, refresh-unknown-field.json, 400, unknown_field, extra",
                "logout, malformed.json, 400, malformed_json, -",
                "logout, empty-object.json, 422, missing_field, refreshToken",
                "logout, refresh-token-number.json, 400, invalid_type, refreshToken",
                "logout, refresh-token-overlong.json, 422, invalid_field, refreshToken",
                "validate, malformed.json, 400, malformed_json, -",
                "validate, empty-object.json, 422, missing_field, token",
                "validate, validate-token-boolean.json, 400, invalid_type, token",
                "validate, validate-token-overlong.json, 422, invalid_field, token",
            })
    void badBody_answersProblemNamingTheField_andWritesNothing(
            String route, String fixture, int status, String code, String field) {
        var response = auth.post("/v1/auth/" + route, AuthClient.fixture(fixture), "127.0.0.1");

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        var problem = response.json();
        assertThat(problem.path("code").asText()).isEqualTo(code);
        assertThat(problem.path("detail").asText()).isNotBlank();
        if (field != null) assertThat(problem.path("field").asText()).isEqualTo(field);
        assertThat(auth.accountTableItems()).as("items written").isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "login", "refresh", "logout", "validate"})
    void bodyAsPlainText_answers415(String route) {
        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/" + route)
                .header("Content-Type", "text/plain")
                .json("{}"));

        assertThat(response.status()).isEqualTo(415);
        assertThat(auth.accountTableItems()).isZero();
    }

    @ParameterizedTest
    @ValueSource(strings = {"register", "login", "refresh", "logout"})
    void bodyOverFourKilobytes_answers413(String route) {
        String huge = "{\"email\":\"" + "a".repeat(5000) + "\"}";

        var response = auth.post("/v1/auth/" + route, huge, "127.0.0.1");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void emptyBody_answers400() {
        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/login").json(""));

        assertThat(response.status()).isEqualTo(400);
        assertThat(auth.accountTableItems()).isZero();
    }

    @Test
    void jwksWithPost_answers405() {
        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/jwks").json("{}"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("GET");
    }
}
