package dev.mana.auth.token;

import dev.mana.platform.jwt.Jwk;
import dev.mana.platform.jwt.JwkSet;
import dev.mana.platform.jwt.KmsJwks;
import dev.mana.platform.jwt.KmsJwtSigner;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The KMS keys of access tokens, read once per container with kms:GetPublicKey: the current
 * key, which signs, and during a rotation the previous one, whose tokens still verify until
 * they expire and which the JWKS still publishes.
 */
public final class SigningKeys {
    private final KmsJwtSigner signer;
    private final JwkSet jwks;

    private SigningKeys(KmsJwtSigner signer, JwkSet jwks) {
        this.signer = signer;
        this.jwks = jwks;
    }

    public static SigningKeys load(KmsClient kms, String currentKeyId, Optional<String> previousKeyId) {
        JwkSet jwks = KmsJwks.load(kms, currentKeyId, previousKeyId);
        return new SigningKeys(
                new KmsJwtSigner(kms, currentKeyId, jwks.keys().get(0).kid()), jwks);
    }

    public static Jwk publicKey(KmsClient kms, String keyId) {
        return KmsJwks.publicKey(kms, keyId);
    }

    public KmsJwtSigner signer() {
        return signer;
    }

    public JwkSet jwks() {
        return jwks;
    }
}
