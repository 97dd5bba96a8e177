package dev.mana.auth.token;

import dev.mana.auth.jwt.Jwk;
import dev.mana.auth.jwt.JwkSet;
import java.util.ArrayList;
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
        Jwk current = publicKey(kms, currentKeyId);
        var keys = new ArrayList<Jwk>();
        keys.add(current);
        previousKeyId.map(id -> publicKey(kms, id)).ifPresent(keys::add);
        return new SigningKeys(new KmsJwtSigner(kms, currentKeyId, current.kid()), new JwkSet(keys));
    }

    public static Jwk publicKey(KmsClient kms, String keyId) {
        var response = kms.getPublicKey(b -> b.keyId(keyId));
        return Jwk.fromDer(response.publicKey().asByteArray());
    }

    public KmsJwtSigner signer() {
        return signer;
    }

    public JwkSet jwks() {
        return jwks;
    }
}
