package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class WebhookSecretsTest {
    private final WebhooksFixture f;

    WebhookSecretsTest(EmulatedStack stack) {
        this.f = new WebhooksFixture(stack, "");
    }

    @Test
    void current_isMadeOnFirstUse_andThenStays() {
        String account = WebhooksFixture.account();

        String first = f.secrets.current(account);

        assertThat(first).matches("whsec_[A-Za-z0-9+/]{43}=");
        assertThat(f.secrets.current(account)).isEqualTo(first);
        assertThat(f.secrets.signing(account)).containsExactly(first);
        assertThat(f.secrets.current(WebhooksFixture.account())).isNotEqualTo(first);
    }

    @Test
    void rotate_returnsTheNewSecret_andBothSignForADay_thenOnlyTheNew() {
        String account = WebhooksFixture.account();
        String old = f.secrets.current(account);

        String rotated = f.secrets.rotate(account);

        assertThat(rotated).startsWith("whsec_").isNotEqualTo(old);
        assertThat(f.secrets.current(account)).isEqualTo(rotated);
        assertThat(f.secrets.signing(account)).containsExactly(rotated, old);
        f.clock.advance(Duration.ofHours(23).plusMinutes(59));
        assertThat(f.secrets.signing(account)).containsExactly(rotated, old);
        f.clock.advance(Duration.ofMinutes(1));
        assertThat(f.secrets.signing(account)).containsExactly(rotated);
    }

    @Test
    void rotate_twiceWithinTheDay_keepsOnlyTheLastReplacedSecret() {
        String account = WebhooksFixture.account();
        String first = f.secrets.current(account);
        String second = f.secrets.rotate(account);

        String third = f.secrets.rotate(account);

        assertThat(f.secrets.signing(account)).containsExactly(third, second).doesNotContain(first);
    }

    @Test
    void rotate_beforeAnyUse_makesOneSecret() {
        String account = WebhooksFixture.account();

        String rotated = f.secrets.rotate(account);

        assertThat(f.secrets.signing(account)).containsExactly(rotated);
    }
}
