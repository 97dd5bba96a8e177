package dev.mana.auth.bench;

import dev.mana.platform.Json;
import dev.mana.platform.jwt.EcdsaSignatures;
import dev.mana.platform.jwt.Jwk;
import dev.mana.platform.jwt.JwkSet;
import dev.mana.platform.jwt.JwtVerifier;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JWT verifications per second with a cached JWKS: the verifier the authorizer will use, its
 * key set parsed once from a JWKS document, verifying one ES256 token over and over on one
 * thread. The token is signed locally with a P-256 key (as KMS would) so nothing but
 * verification is timed. Run by hand:
 *
 * <pre>
 * ./mvnw -q -B -o -pl functions/auth test-compile exec:java -Dexec.classpathScope=test \
 *     -Dexec.mainClass=dev.mana.auth.bench.JwtVerifyBenchmark [-Dexec.args="SECONDS"]
 * </pre>
 */
public final class JwtVerifyBenchmark {
    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        var jwk = Jwk.of((ECPublicKey) pair.getPublic());
        var cached = JwkSet.parse(Json.write(new JwkSet(List.of(jwk)).toJson()));
        var verifier = new JwtVerifier(cached::key, "iss", "aud", Clock.systemUTC(), Duration.ofSeconds(30));
        String token = sign(pair.getPrivate(), jwk.kid());

        long deadline = System.nanoTime() + 2_000_000_000L; // warm-up
        while (System.nanoTime() < deadline) verifier.verify(token);
        long count = 0;
        long start = System.nanoTime();
        deadline = start + seconds * 1_000_000_000L;
        while (System.nanoTime() < deadline) {
            verifier.verify(token);
            count++;
        }
        double elapsed = (System.nanoTime() - start) / 1e9;
        System.out.printf(
                "ES256 verify, cached JWKS, 1 thread: %.0f verifications/s (%.1f µs each, %d in %.1f s)%n",
                count / elapsed, elapsed * 1e6 / count, count, elapsed);
    }

    private static String sign(java.security.PrivateKey key, String kid) throws Exception {
        var b64 = Base64.getUrlEncoder().withoutPadding();
        long now = Instant.now().getEpochSecond();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", "iss");
        claims.put("aud", "aud");
        claims.put("sub", "acct_bench");
        claims.put("tier", "free");
        claims.put("iat", now);
        claims.put("exp", now + 3600);
        claims.put("jti", "jti_bench");
        String input = b64.encodeToString(Json.write(Map.of("alg", "ES256", "typ", "JWT", "kid", kid))
                        .getBytes(StandardCharsets.UTF_8))
                + "." + b64.encodeToString(Json.write(claims).getBytes(StandardCharsets.UTF_8));
        var signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update(input.getBytes(StandardCharsets.US_ASCII));
        return input + "." + b64.encodeToString(EcdsaSignatures.lowS(EcdsaSignatures.derToJose(signer.sign(), 32)));
    }
}
