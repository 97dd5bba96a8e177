package dev.mana.auth.password;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    /** Cheap parameters: these tests are about the format, not the cost. */
    static final PasswordHasher CHEAP = new PasswordHasher(new PasswordHasher.Parameters(64, 1, 1));

    @Test
    void hash_isPhcArgon2idWithItsParameters() {
        var owasp = new PasswordHasher(PasswordHasher.Parameters.OWASP);

        assertThat(owasp.hash("correct horse battery staple"))
                .matches("\\$argon2id\\$v=19\\$m=19456,t=2,p=1\\$[A-Za-z0-9+/]{22}\\$[A-Za-z0-9+/]{43}");
    }

    @Test
    void verify_acceptsTheRightPasswordOnly() {
        String hash = CHEAP.hash("correct horse battery staple");

        assertThat(CHEAP.verify("correct horse battery staple", hash)).isTrue();
        assertThat(CHEAP.verify("correct horse battery stapl", hash)).isFalse();
    }

    @Test
    void hash_ofOnePasswordTwice_differsBySalt() {
        assertThat(CHEAP.hash("same password here")).isNotEqualTo(CHEAP.hash("same password here"));
    }

    @Test
    void verify_readsTheParametersFromTheHash_soOlderHashesStillVerify() {
        String older = CHEAP.hash("correct horse battery staple");
        var stronger = new PasswordHasher(new PasswordHasher.Parameters(128, 2, 1));

        assertThat(stronger.verify("correct horse battery staple", older)).isTrue();
    }

    @Test
    void verify_ofAMalformedHash_isFalse() {
        assertThat(CHEAP.verify("x", "$2a$10$bcrypt")).isFalse();
        assertThat(CHEAP.verify("x", null)).isFalse();
    }

    @Test
    void verify_knownVectorOfTheReferenceImplementation() {
        // The reference CLI (Debian package argon2): echo -n password | argon2 somesalt -id -t 2 -k 64 -p 1 -l 32 -e
        String reference = "$argon2id$v=19$m=64,t=2,p=1$c29tZXNhbHQ$FqGkmHNGCd0BRW2kBt6fPZ2pPmyGwwChL8FGUhTOSSI";

        assertThat(CHEAP.verify("password", reference)).isTrue();
    }
}
