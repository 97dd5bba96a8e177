package dev.mana.auth.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.auth.AuthClient;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import dev.mana.platform.jwt.JwkSet;
import dev.mana.platform.jwt.JwtRejected;
import dev.mana.platform.jwt.JwtVerifier;
import dev.mana.platform.jwt.KmsJwtSigner;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * Each forged or stale token must be refused by the validate route and by the verifier the
 * authorizer uses (built, as the authorizer would, from the JWKS document). A previous key,
 * during rotation, still verifies.
 */
@ExtendWith(AwsEmulatorExtension.class)
class TokenSecurityTest {
    static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    static AuthClient auth;
    static KmsJwtSigner current;
    static KmsJwtSigner previous;
    static KmsJwtSigner stranger;
    static JwtVerifier authorizerVerifier;

    @BeforeAll
    static void start(EmulatedStack stack) {
        KmsClient kms = stack.clients().kms();
        String currentId = stack.ref("JwtSigningKey");
        String previousId = newKey(kms);
        String strangerId = newKey(kms);
        auth = AuthClient.start(stack, Map.of("JWT_PREVIOUS_SIGNING_KEY_ID", previousId));
        current = new KmsJwtSigner(
                kms, currentId, SigningKeys.publicKey(kms, currentId).kid());
        previous = new KmsJwtSigner(
                kms, previousId, SigningKeys.publicKey(kms, previousId).kid());
        stranger = new KmsJwtSigner(
                kms, strangerId, SigningKeys.publicKey(kms, strangerId).kid());
        var jwks = JwkSet.parse(auth.get("/.well-known/jwks.json").text());
        authorizerVerifier = new JwtVerifier(
                jwks::key, "https://api.mana-api.dev", "mana-api", Clock.systemUTC(), Duration.ofSeconds(30));
    }

    static Stream<Arguments> forgeries() {
        return Stream.of(
                forgery("algNone", "unsupported_algorithm", () -> unsigned("none", claims(c -> c))),
                forgery("hs256KeyedWithThePublicKey", "unsupported_algorithm", TokenSecurityTest::hs256WithPublicKey),
                forgery("unknownKid", "unknown_key", () -> withKid(current.sign(claims(c -> c)), "no-such-kid")),
                forgery(
                        "kidOfThePreviousKey",
                        "bad_signature",
                        () -> withKid(current.sign(claims(c -> c)), previous.kid())),
                forgery("expired", "expired", () -> current.sign(claims(c -> at(c, -3600)))),
                forgery("iatInTheFuture", "not_yet_valid", () -> current.sign(claims(c -> at(c, 300)))),
                forgery(
                        "nbfInTheFuture",
                        "not_yet_valid",
                        () -> current.sign(claims(c -> {
                            c.put("nbf", Instant.now().getEpochSecond() + 300);
                            return c;
                        }))),
                forgery("tamperedPayload", "bad_signature", () -> tamper(current.sign(claims(c -> c)))),
                // (r, n - s): a second valid ECDSA signature made from the genuine one without the key.
                forgery("highSTwinOfAGenuineToken", "bad_signature", () -> highSTwin(current.sign(claims(c -> c)))),
                forgery(
                        "wrongIssuer",
                        "wrong_issuer",
                        () -> current.sign(claims(c -> put(c, "iss", "https://evil.example")))),
                forgery(
                        "wrongAudience",
                        "wrong_audience",
                        () -> current.sign(claims(c -> put(c, "aud", "another-api")))),
                forgery(
                        "otherKeyUnderOurKid",
                        "bad_signature",
                        () -> withKid(stranger.sign(claims(c -> c)), current.kid())),
                forgery("otherKeyUnderItsOwnKid", "unknown_key", () -> stranger.sign(claims(c -> c))),
                forgery(
                        "truncated",
                        "malformed",
                        () -> current.sign(claims(c -> c)).substring(0, 40)));
    }

    /** The token with s replaced by n - s: it still verifies under plain ECDSA. */
    static String highSTwin(String token) {
        int dot = token.lastIndexOf('.');
        byte[] signature = Base64.getUrlDecoder().decode(token.substring(dot + 1));
        var n = new java.math.BigInteger("ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551", 16);
        var s = new java.math.BigInteger(1, java.util.Arrays.copyOfRange(signature, 32, 64));
        byte[] twin = n.subtract(s).toByteArray();
        byte[] out = java.util.Arrays.copyOf(signature, 64);
        java.util.Arrays.fill(out, 32, 64, (byte) 0);
        int copy = Math.min(32, twin.length);
        System.arraycopy(twin, twin.length - copy, out, 64 - copy, copy);
        return token.substring(0, dot + 1) + B64.encodeToString(out);
    }

    @Test
    void everyIssuedToken_hasALowSSignature() {
        for (int i = 0; i < 20; i++) {
            String token = current.sign(claims(c -> c));
            byte[] signature = Base64.getUrlDecoder().decode(token.substring(token.lastIndexOf('.') + 1));
            assertThat(dev.mana.platform.jwt.EcdsaSignatures.isLowS(signature)).isTrue();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedOrStaleToken_isRefusedByValidate(String name, String reason, TokenSupplier token) throws Exception {
        var verdict = auth.validate(token.get());

        assertThat(verdict.status()).isEqualTo(200);
        assertThat(verdict.json().path("valid").asBoolean()).isFalse();
        assertThat(verdict.json().path("reason").asText()).isEqualTo(reason);
        assertThat(verdict.json().has("claims")).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("forgeries")
    void forgedOrStaleToken_isRefusedByTheAuthorizersVerifier(String name, String reason, TokenSupplier token)
            throws Exception {
        String forged = token.get();

        assertThatThrownBy(() -> authorizerVerifier.verify(forged))
                .isInstanceOf(JwtRejected.class)
                .satisfies(e -> assertThat(((JwtRejected) e).reason().code()).isEqualTo(reason));
    }

    @Test
    void tokenOfThePreviousKey_stillVerifiesDuringRotation() throws Exception {
        String token = previous.sign(claims(c -> c));

        assertThat(auth.validate(token).json().path("valid").asBoolean()).isTrue();
        assertThat(authorizerVerifier.verify(token)).containsEntry("sub", "acct_test");
    }

    @Test
    void jwks_duringRotation_publishesCurrentThenPreviousKey() {
        var keys = auth.get("/v1/auth/jwks").json().path("keys");

        assertThat(keys).hasSize(2);
        assertThat(keys.get(0).path("kid").asText()).isEqualTo(current.kid());
        assertThat(keys.get(1).path("kid").asText()).isEqualTo(previous.kid());
    }

    @Test
    void tokenWithinTheClockSkew_isAccepted() throws Exception {
        String token = current.sign(claims(c -> at(c, 10)));

        assertThat(authorizerVerifier.verify(token)).containsEntry("tier", "free");
    }

    @FunctionalInterface
    interface TokenSupplier {
        String get() throws Exception;
    }

    private static Arguments forgery(String name, String reason, TokenSupplier token) {
        return Arguments.of(name, reason, token);
    }

    static Map<String, Object> claims(UnaryOperator<Map<String, Object>> change) {
        long now = Instant.now().getEpochSecond();
        var claims = new LinkedHashMap<String, Object>();
        claims.put("iss", "https://api.mana-api.dev");
        claims.put("aud", "mana-api");
        claims.put("sub", "acct_test");
        claims.put("tier", "free");
        claims.put("iat", now);
        claims.put("exp", now + 900);
        claims.put("jti", "jti_test");
        return change.apply(claims);
    }

    private static Map<String, Object> at(Map<String, Object> claims, long offsetSeconds) {
        long iat = Instant.now().getEpochSecond() + offsetSeconds;
        claims.put("iat", iat);
        claims.put("exp", iat + 900);
        return claims;
    }

    private static Map<String, Object> put(Map<String, Object> claims, String name, Object value) {
        claims.put(name, value);
        return claims;
    }

    private static String unsigned(String alg, Map<String, Object> claims) {
        return encode(Map.of("alg", alg, "typ", "JWT", "kid", current.kid())) + "." + encode(claims) + ".";
    }

    private static String hs256WithPublicKey() throws Exception {
        String input =
                encode(Map.of("alg", "HS256", "typ", "JWT", "kid", current.kid())) + "." + encode(claims(c -> c));
        var mac = Mac.getInstance("HmacSHA256");
        byte[] publicKey = auth.get("/v1/auth/jwks").text().getBytes(StandardCharsets.UTF_8);
        mac.init(new SecretKeySpec(publicKey, "HmacSHA256"));
        return input + "." + B64.encodeToString(mac.doFinal(input.getBytes(StandardCharsets.US_ASCII)));
    }

    private static String withKid(String token, String kid) throws Exception {
        String[] parts = token.split("\\.");
        var header = Json.mapper().readValue(Base64.getUrlDecoder().decode(parts[0]), Map.class);
        @SuppressWarnings("unchecked")
        Map<String, Object> changed = new LinkedHashMap<>(header);
        changed.put("kid", kid);
        return encode(changed) + "." + parts[1] + "." + parts[2];
    }

    private static String tamper(String token) {
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"tier\":\"free\"", "\"tier\":\"enterprise\"");
        return parts[0] + "." + B64.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + parts[2];
    }

    private static String encode(Map<String, ?> json) {
        return B64.encodeToString(Json.write(json).getBytes(StandardCharsets.UTF_8));
    }

    private static String newKey(KmsClient kms) {
        return kms.createKey(b -> b.keySpec("ECC_NIST_P256").keyUsage("SIGN_VERIFY"))
                .keyMetadata()
                .keyId();
    }
}
