package dev.mana.authorizer;

import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.jwt.KmsJwks;
import dev.mana.platform.jwt.KmsJwtSigner;
import java.util.Map;
import java.util.UUID;

/** Access tokens as the accounts service signs them: with the stack's KMS key. */
final class TestTokens {
    private TestTokens() {}

    static KmsJwtSigner signer(EmulatedStack stack) {
        var kms = stack.clients().kms();
        String keyId = stack.ref("JwtSigningKey");
        return new KmsJwtSigner(kms, keyId, KmsJwks.publicKey(kms, keyId).kid());
    }

    static Map<String, Object> claims(String accountId, long issuedAt, long expiresAt) {
        return Map.of(
                "iss",
                "https://api.mana-api.dev",
                "aud",
                "mana-api",
                "sub",
                accountId,
                "tier",
                "pro",
                "iat",
                issuedAt,
                "exp",
                expiresAt,
                "jti",
                UUID.randomUUID().toString());
    }
}
