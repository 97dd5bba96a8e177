package dev.mana.auth.password;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.bouncycastle.crypto.generators.Argon2BytesGenerator;
import org.bouncycastle.crypto.params.Argon2Parameters;

/**
 * Argon2id password hashes in the PHC string format
 * ({@code $argon2id$v=19$m=19456,t=2,p=1$salt$hash}). The parameters live in the hash, so
 * raising them later still verifies old hashes. {@link #burn} does the same work against a
 * dummy hash, so a login for an unknown email costs what a wrong password costs.
 */
public final class PasswordHasher {
    /** Argon2id cost: memory in KiB, passes, lanes. */
    public record Parameters(int memoryKiB, int iterations, int parallelism) {
        /** OWASP Password Storage Cheat Sheet's first choice: 19 MiB, 2 passes, 1 lane. */
        public static final Parameters OWASP = new Parameters(19 * 1024, 2, 1);
    }

    private static final Pattern PHC = Pattern.compile(
            "\\$argon2id\\$v=19\\$m=(\\d{1,7}),t=(\\d{1,2}),p=(\\d{1,2})\\$([A-Za-z0-9+/]+)\\$([A-Za-z0-9+/]+)");
    private static final int SALT_BYTES = 16;
    private static final int HASH_BYTES = 32;
    private static final Base64.Encoder B64 = Base64.getEncoder().withoutPadding();
    private static final Base64.Decoder B64_DECODER = Base64.getDecoder();

    private final Parameters parameters;
    private final SecureRandom random = new SecureRandom();
    private final String dummyHash;

    public PasswordHasher(Parameters parameters) {
        this.parameters = parameters;
        // A real hash of a random secret: verifying against it costs exactly a real verification.
        byte[] secret = new byte[16];
        random.nextBytes(secret);
        this.dummyHash = hash(B64.encodeToString(secret));
    }

    public Parameters parameters() {
        return parameters;
    }

    public String hash(String password) {
        byte[] salt = new byte[SALT_BYTES];
        random.nextBytes(salt);
        byte[] hash = derive(password, salt, parameters, HASH_BYTES);
        return "$argon2id$v=19$m=" + parameters.memoryKiB() + ",t=" + parameters.iterations() + ",p="
                + parameters.parallelism() + "$" + B64.encodeToString(salt) + "$" + B64.encodeToString(hash);
    }

    /** True when the password matches; a malformed stored hash never matches. */
    public boolean verify(String password, String phc) {
        Matcher m = phc == null ? null : PHC.matcher(phc);
        if (m == null || !m.matches()) return false;
        var stored = new Parameters(
                Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)));
        byte[] salt = B64_DECODER.decode(m.group(4));
        byte[] expected = B64_DECODER.decode(m.group(5));
        byte[] actual = derive(password, salt, stored, expected.length);
        return MessageDigest.isEqual(expected, actual);
    }

    /** The cost of a verification with no account behind it; always false. */
    public boolean burn(String password) {
        verify(password, dummyHash);
        return false;
    }

    private static byte[] derive(String password, byte[] salt, Parameters p, int length) {
        var generator = new Argon2BytesGenerator();
        generator.init(new Argon2Parameters.Builder(Argon2Parameters.ARGON2_id)
                .withVersion(Argon2Parameters.ARGON2_VERSION_13)
                .withMemoryAsKB(p.memoryKiB())
                .withIterations(p.iterations())
                .withParallelism(p.parallelism())
                .withSalt(salt)
                .build());
        byte[] out = new byte[length];
        generator.generateBytes(password.getBytes(StandardCharsets.UTF_8), out);
        return out;
    }
}
