package dev.mana.auth.password;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.platform.ApiException;
import org.junit.jupiter.api.Test;

class PasswordPolicyTest {
    static final PasswordPolicy POLICY = PasswordPolicy.withBundledList();

    @Test
    void bundledList_keepsOnlyEntriesAsLongAsTheMinimum() {
        var list = CommonPasswords.load(PasswordPolicy.MIN_LENGTH);

        assertThat(list.size()).isBetween(200, 1000);
        assertThat(list.contains("1q2w3e4r5t6y")).isTrue();
        assertThat(list.contains("QWERTY123456")).isTrue();
        assertThat(CommonPasswords.load(1).size()).isGreaterThan(40_000);
    }

    @Test
    void passphraseOfTwelveOrMore_isAccepted() {
        assertThat(POLICY.check("correct horse battery staple", "a@example.com"))
                .isEqualTo("correct horse battery staple");
    }

    @Test
    void lengthCountsCodePoints_notUtf16Units() {
        String twelveEmoji = "\uD83D\uDE00\uD83D\uDE01\uD83D\uDE02\uD83D\uDE03".repeat(3);

        assertThat(POLICY.check(twelveEmoji, "a@example.com")).isEqualTo(twelveEmoji);
        assertThatThrownBy(() -> POLICY.check(twelveEmoji.substring(2), "a@example.com"))
                .isInstanceOf(ApiException.class);
    }

    @Test
    void compatibilityForms_areNormalised() {
        // Fullwidth letters NFKC-normalise to ASCII: a hash must not depend on the keyboard.
        assertThat(PasswordPolicy.normalise("ｐａｓｓｗｏｒｄ")).isEqualTo("password");
    }
}
