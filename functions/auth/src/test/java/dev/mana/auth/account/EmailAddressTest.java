package dev.mana.auth.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.platform.ApiException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressTest {
    @Test
    void parse_trimsAndLowerCasesTheDomainOnly_keyIsAllLowerCase() {
        var email = EmailAddress.parse("  Ada.Lovelace@Example.COM\t");

        assertThat(email.address()).isEqualTo("Ada.Lovelace@example.com");
        assertThat(email.key()).isEqualTo("ada.lovelace@example.com");
    }

    @Test
    void parse_decomposedUnicode_isComposed() {
        assertThat(EmailAddress.parse("jose\u0301@example.com").address()).isEqualTo("jos\u00e9@example.com");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"", "@", "a@", "@example.com", "a@b", "a b@example.com", "a@-x.com", "a@x..com", "a@exa mple.com"
            })
    void parse_refusesWhatIsNotAnAddress(String raw) {
        assertThatThrownBy(() -> EmailAddress.parse(raw))
                .isInstanceOf(ApiException.class)
                .satisfies(e -> assertThat(((ApiException) e).extensions()).containsEntry("field", "email"));
    }
}
