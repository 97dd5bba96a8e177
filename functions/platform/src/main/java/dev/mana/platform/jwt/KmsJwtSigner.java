package dev.mana.platform.jwt;

import dev.mana.platform.Json;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.MessageType;
import software.amazon.awssdk.services.kms.model.SigningAlgorithmSpec;

/**
 * Signs JWTs with ES256 in KMS: the private key never leaves it. KMS signs the raw signing
 * input (it hashes with SHA-256 itself; the input is far below its 4 KB limit) and answers a
 * DER signature, which JOSE wants as 64 bytes of R||S.
 */
public final class KmsJwtSigner {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final KmsClient kms;
    private final String keyId;
    private final String kid;

    public KmsJwtSigner(KmsClient kms, String keyId, String kid) {
        this.kms = kms;
        this.keyId = keyId;
        this.kid = kid;
    }

    public String kid() {
        return kid;
    }

    public String sign(Map<String, Object> claims) {
        var header = new LinkedHashMap<String, Object>();
        header.put("alg", "ES256");
        header.put("typ", "JWT");
        header.put("kid", kid);
        String input = encode(Json.write(header)) + "." + encode(Json.write(claims));
        byte[] der = kms.sign(b -> b.keyId(keyId)
                        .messageType(MessageType.RAW)
                        .signingAlgorithm(SigningAlgorithmSpec.ECDSA_SHA_256)
                        .message(SdkBytes.fromString(input, StandardCharsets.US_ASCII)))
                .signature()
                .asByteArray();
        return input + "." + B64.encodeToString(EcdsaSignatures.lowS(EcdsaSignatures.derToJose(der, 32)));
    }

    private static String encode(String json) {
        return B64.encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }
}
