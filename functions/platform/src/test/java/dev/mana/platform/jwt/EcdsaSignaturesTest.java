package dev.mana.platform.jwt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import org.junit.jupiter.api.Test;

class EcdsaSignaturesTest {
    @Test
    void derSignature_convertedToJose_verifiesAsP1363() throws Exception {
        var generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        var pair = generator.generateKeyPair();
        byte[] message = "header.payload".getBytes(StandardCharsets.US_ASCII);
        // Many signatures, so r or s with a leading zero byte (shorter DER integers) are covered.
        for (int i = 0; i < 200; i++) {
            var signer = Signature.getInstance("SHA256withECDSA");
            signer.initSign(pair.getPrivate());
            signer.update(message);
            byte[] jose = EcdsaSignatures.derToJose(signer.sign(), 32);

            assertThat(jose).hasSize(64);
            var verifier = Signature.getInstance("SHA256withECDSAinP1363Format");
            verifier.initVerify(pair.getPublic());
            verifier.update(message);
            assertThat(verifier.verify(jose)).isTrue();
        }
    }

    @Test
    void garbage_isRefused() {
        assertThatThrownBy(() -> EcdsaSignatures.derToJose(new byte[] {0x30, 0x02, 0x02, 0x00}, 32))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> EcdsaSignatures.derToJose(new byte[0], 32))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
