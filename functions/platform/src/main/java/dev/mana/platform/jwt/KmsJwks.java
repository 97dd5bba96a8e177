package dev.mana.platform.jwt;

import dev.mana.platform.Environment;
import java.util.ArrayList;
import java.util.Optional;
import software.amazon.awssdk.services.kms.KmsClient;

/**
 * The public keys of access tokens, read from KMS (kms:GetPublicKey): the current signing key
 * and, during a rotation, the previous one. Read once per container; the private halves never
 * leave KMS.
 */
public final class KmsJwks {
    private KmsJwks() {}

    public static Jwk publicKey(KmsClient kms, String keyId) {
        return Jwk.fromDer(kms.getPublicKey(b -> b.keyId(keyId)).publicKey().asByteArray());
    }

    public static JwkSet load(KmsClient kms, String currentKeyId, Optional<String> previousKeyId) {
        var keys = new ArrayList<Jwk>();
        keys.add(publicKey(kms, currentKeyId));
        previousKeyId.map(id -> publicKey(kms, id)).ifPresent(keys::add);
        return new JwkSet(keys);
    }

    /** JWT_PREVIOUS_SIGNING_KEY_ID, where "none" (template.yaml's default) means no rotation under way. */
    public static Optional<String> previousKeyIdFromEnvironment() {
        return Environment.get("JWT_PREVIOUS_SIGNING_KEY_ID").filter(id -> !id.equals("none"));
    }
}
