package dev.mana.auth.token;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import java.time.Instant;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Reuse detection. The route's clock is the real one, so a token is spent "in the past"
 * through {@link RefreshTokens} with an earlier instant, against the same table.
 */
@ExtendWith(AwsEmulatorExtension.class)
class RefreshSecurityTest {
    static AuthClient auth;
    static RefreshTokens tokens;

    @BeforeAll
    static void start(EmulatedStack stack) {
        auth = AuthClient.start(stack);
        tokens = new RefreshTokens(new RefreshTokenStore(stack.clients().dynamoDb(), stack.ref("AccountsTable")));
    }

    @Test
    void refreshTokenReusedAfterGracePeriod_answers401AndRevokesTheFamily() {
        String stolen = auth.session("victim@example.com").path("refreshToken").asText();
        // The owner spent it a minute ago; this is the thief replaying it.
        String ownersSuccessor =
                tokens.rotate(stolen, Instant.now().minusSeconds(60)).refreshToken();

        var replay = auth.refresh(stolen);

        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.json().path("code").asText()).isEqualTo("invalid_credentials");
        assertThat(auth.refresh(ownersSuccessor).status()).isEqualTo(401);
    }

    @Test
    void refreshTokenReplayedInsideTheGraceWindow_getsOneSibling_thenRevokesTheFamily() {
        String token = auth.session("replayer@example.com").path("refreshToken").asText();
        var first = auth.refresh(token);
        assertThat(first.status()).isEqualTo(200);

        var retry = auth.refresh(token); // a client's concurrent retry: allowed, once
        var replay = auth.refresh(token); // again within 10 s: a replay, not a retry

        assertThat(retry.status()).isEqualTo(200);
        assertThat(replay.status()).isEqualTo(401);
        assertThat(auth.refresh(first.json().path("refreshToken").asText()).status())
                .isEqualTo(401);
        assertThat(auth.refresh(retry.json().path("refreshToken").asText()).status())
                .isEqualTo(401);
    }

    @Test
    void revokedFamily_staysRevokedForItsOtherTokens() {
        String first = auth.session("family@example.com").path("refreshToken").asText();
        String second = tokens.rotate(first, Instant.now().minusSeconds(120)).refreshToken();
        String third = tokens.rotate(second, Instant.now().minusSeconds(60)).refreshToken();

        assertThat(auth.refresh(first).status()).isEqualTo(401);

        assertThat(auth.refresh(third).status()).isEqualTo(401);
        assertThat(auth.refresh(second).status()).isEqualTo(401);
    }

    @Test
    void expiredRefreshToken_answers401() {
        String old = tokens.startFamily(
                "acct_gone", Instant.now().minus(RefreshTokens.LIFETIME).minusSeconds(1));

        assertThat(auth.refresh(old).status()).isEqualTo(401);
    }

    @Test
    void unknownRefreshToken_answers401() {
        var response = auth.refresh("rt_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
    }

    @Test
    void rotate_ofAnAlreadySpentTokenLongAfter_throws401() {
        String token = tokens.startFamily("acct_x", Instant.now().minusSeconds(600));
        tokens.rotate(token, Instant.now().minusSeconds(500));

        try {
            tokens.rotate(token, Instant.now());
            throw new AssertionError("reuse was accepted");
        } catch (ApiException e) {
            assertThat(e.errorCode().status()).isEqualTo(401);
        }
    }
}
