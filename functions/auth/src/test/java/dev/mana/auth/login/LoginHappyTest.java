package dev.mana.auth.login;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import java.util.Base64;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class LoginHappyTest {
    static AuthClient auth;
    static String accountId;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
        accountId = auth.register("lovelace@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
    }

    @Test
    void login_withRightPassword_answersBearerPairNotToBeCached() {
        var response = auth.login("lovelace@example.com", AuthClient.PASSWORD);

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var body = response.json();
        assertThat(body.path("tokenType").asText()).isEqualTo("Bearer");
        assertThat(body.path("expiresIn").asLong()).isEqualTo(900);
        assertThat(body.path("refreshToken").asText()).matches("rt_[A-Za-z0-9_-]{43}");
        assertThat(body.path("accessToken").asText().split("\\.")).hasSize(3);
    }

    @Test
    void accessToken_isEs256WithKidOfTheJwks_andTheAccountsClaims() {
        String token = auth.login("lovelace@example.com", AuthClient.PASSWORD)
                .json()
                .path("accessToken")
                .asText();

        JsonNode header = part(token, 0);
        JsonNode claims = part(token, 1);
        assertThat(header.path("alg").asText()).isEqualTo("ES256");
        assertThat(header.path("kid").asText())
                .isEqualTo(auth.get("/v1/auth/jwks")
                        .json()
                        .path("keys")
                        .get(0)
                        .path("kid")
                        .asText());
        assertThat(claims.path("iss").asText()).isEqualTo("https://api.mana-api.dev");
        assertThat(claims.path("aud").asText()).isEqualTo("mana-api");
        assertThat(claims.path("sub").asText()).isEqualTo(accountId);
        assertThat(claims.path("tier").asText()).isEqualTo("free");
        assertThat(claims.path("exp").asLong() - claims.path("iat").asLong()).isEqualTo(900);
        assertThat(claims.path("jti").asText()).startsWith("jti_");
        assertThat(Base64.getUrlDecoder().decode(token.split("\\.")[2])).hasSize(64);
    }

    @Test
    void accessToken_isValidForTheValidateRoute() {
        String token = auth.login("lovelace@example.com", AuthClient.PASSWORD)
                .json()
                .path("accessToken")
                .asText();

        var verdict = auth.validate(token).json();

        assertThat(verdict.path("valid").asBoolean()).isTrue();
        assertThat(verdict.path("claims").path("sub").asText()).isEqualTo(accountId);
    }

    @Test
    void login_withEmailInOtherCaseAndSpaces_findsTheAccount() {
        assertThat(auth.login(" LOVELACE@Example.COM ", AuthClient.PASSWORD).status())
                .isEqualTo(200);
    }

    @Test
    void login_withPasswordInOtherUnicodeForm_matches() {
        String composed = "caf\u00e9 au lait, s'il vous pla\u00eet";
        assertThat(auth.register("cafe@example.com", composed).status()).isEqualTo(201);

        String decomposed = "cafe\u0301 au lait, s'il vous plai\u0302t";

        assertThat(auth.login("cafe@example.com", decomposed).status()).isEqualTo(200);
    }

    private static JsonNode part(String token, int index) {
        try {
            return Json.mapper().readTree(Base64.getUrlDecoder().decode(token.split("\\.")[index]));
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
