package dev.mana.auth;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.emulator.ProxyEvent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Bodies shaped to break the Lambda handler itself, before any route runs: each is answered by
 * the route as a 2xx or 4xx problem, never a 5xx.
 */
@ExtendWith(AwsEmulatorExtension.class)
class HandlerSecurityTest {
    /** The register route's body limit. */
    static final int LIMIT = 4096;

    static LambdaHarness auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = LambdaHarness.start(AuthApplication.class, stack, "AuthFunction");
    }

    static String register(String email) {
        return "{\"email\":\"" + email + "\",\"password\":\"" + AuthClient.PASSWORD + "\"}";
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "\n", "\r\n", "\t", " \n"})
    void whitespaceBeforeTheJsonUpToTheRouteLimit_isServedNotAStackOverflow(String unit) {
        String json = register("pad" + unit.length() + unit.hashCode() + "@example.com");
        String padded = unit.repeat((LIMIT - json.length()) / unit.length()) + json;

        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/register").json(padded));

        assertThat(response.status()).as(response.text()).isEqualTo(201);
    }

    @Test
    void whitespaceBeforeAnArrayBody_answers400NotA500() {
        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/register").json("\n".repeat(LIMIT - 10) + "[1]"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("invalid_type");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "ff", // never valid in UTF-8
                "c0af", // an overlong '/'
                "eda080", // a UTF-16 surrogate encoded as UTF-8 (CESU-8)
                "e282", // a truncated sequence
                "f4908080" // past U+10FFFF
            })
    void invalidUtf8InAJsonString_answers400(String hex) {
        byte[] bad = java.util.HexFormat.of().parseHex(hex);
        var body = new java.io.ByteArrayOutputStream();
        body.writeBytes("{\"email\":\"a".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        body.writeBytes(bad);
        body.writeBytes(("@example.com\",\"password\":\"" + AuthClient.PASSWORD + "\"}")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        var response =
                auth.call(ProxyEvent.request("POST", "/v1/auth/register").body(body.toByteArray(), "application/json"));

        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void whitespaceOverTheRouteLimit_answers413() {
        var response = auth.call(ProxyEvent.request("POST", "/v1/auth/register")
                .json(" ".repeat(200_000) + register("big@example.com")));

        assertThat(response.status()).as(response.text()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("payload_too_large");
    }
}
