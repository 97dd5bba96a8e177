package dev.mana.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class RefreshHappyTest {
    static AuthClient auth;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
    }

    @Test
    void refresh_answersANewPairWithAnotherRefreshToken() {
        var session = auth.session("rotate@example.com");

        var response = auth.refresh(session.path("refreshToken").asText());

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("Cache-Control")).isEqualTo("no-store");
        var pair = response.json();
        assertThat(pair.path("refreshToken").asText())
                .startsWith("rt_")
                .isNotEqualTo(session.path("refreshToken").asText());
        assertThat(auth.validate(pair.path("accessToken").asText())
                        .json()
                        .path("valid")
                        .asBoolean())
                .isTrue();
    }

    @Test
    void refresh_chainOfRotations_eachSuccessorWorksOnce() {
        String token = auth.session("chain@example.com").path("refreshToken").asText();

        for (int i = 0; i < 3; i++) {
            var response = auth.refresh(token);
            assertThat(response.status()).as("rotation " + i).isEqualTo(200);
            token = response.json().path("refreshToken").asText();
        }
    }

    @Test
    void refresh_sameTokenRetriedWithinGracePeriod_answersASiblingPair() {
        String token = auth.session("retry@example.com").path("refreshToken").asText();
        var first = auth.refresh(token);

        var retry = auth.refresh(token);

        assertThat(retry.status()).isEqualTo(200);
        assertThat(auth.refresh(first.json().path("refreshToken").asText()).status())
                .isEqualTo(200);
        assertThat(auth.refresh(retry.json().path("refreshToken").asText()).status())
                .isEqualTo(200);
    }

    @Test
    void logout_revokesEveryTokenOfTheLogin() {
        String original = auth.session("bye@example.com").path("refreshToken").asText();
        String successor = auth.refresh(original).json().path("refreshToken").asText();

        var logout = auth.post("/v1/auth/logout", Map.of("refreshToken", original));

        assertThat(logout.status()).isEqualTo(204);
        assertThat(auth.refresh(successor).status()).isEqualTo(401);
    }

    @Test
    void logout_leavesOtherLoginsOfTheAccountAlone() {
        auth.session("two@example.com");
        String laptop = auth.login("two@example.com", AuthClient.PASSWORD)
                .json()
                .path("refreshToken")
                .asText();
        String phone = auth.login("two@example.com", AuthClient.PASSWORD)
                .json()
                .path("refreshToken")
                .asText();

        auth.post("/v1/auth/logout", Map.of("refreshToken", laptop));

        assertThat(auth.refresh(phone).status()).isEqualTo(200);
    }

    @Test
    void logout_withUnknownToken_answers204() {
        var response = auth.post("/v1/auth/logout", Map.of("refreshToken", "rt_unknown"));

        assertThat(response.status()).isEqualTo(204);
    }
}
