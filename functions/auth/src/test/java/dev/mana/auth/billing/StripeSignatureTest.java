package dev.mana.auth.billing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class StripeSignatureTest {
    static final Instant NOW = Instant.ofEpochSecond(1_700_000_000L);
    static final StripeSignature signature = new StripeSignature("whsec_abc", Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void sign_isHmacSha256OfTimestampDotPayload_keyedWithTheSecret() {
        // openssl: printf '1700000000.{"a":1}' | openssl dgst -sha256 -hmac whsec_abc
        byte[] mac = signature.sign(1_700_000_000L, "{\"a\":1}".getBytes(StandardCharsets.UTF_8));
        assertThat(HexFormat.of().formatHex(mac))
                .isEqualTo("3b843bacfb18cc5554542fdcc84d815b399c52758e508a6fcecf0a2af4efea2b");
    }

    @Test
    void verify_acceptsWithinTolerance_refusesOutside() throws Exception {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        signature.verify(signature.header(NOW.getEpochSecond() - 300, body), body);
        signature.verify(signature.header(NOW.getEpochSecond() + 300, body), body);
        assertThatThrownBy(() -> signature.verify(signature.header(NOW.getEpochSecond() - 301, body), body))
                .isInstanceOf(StripeSignature.Refused.class)
                .extracting(e -> ((StripeSignature.Refused) e).failure())
                .isEqualTo(StripeSignature.Failure.TIMESTAMP_OUTSIDE_TOLERANCE);
    }

    @Test
    void verify_refusesMissingParts_withTheirReason() {
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        assertFailure(null, body, StripeSignature.Failure.MISSING);
        assertFailure("t=abc,v1=00", body, StripeSignature.Failure.MALFORMED);
        assertFailure("t=" + NOW.getEpochSecond(), body, StripeSignature.Failure.NO_V1);
        assertFailure("t=" + NOW.getEpochSecond() + ",v1=" + "0".repeat(64), body, StripeSignature.Failure.MISMATCH);
    }

    private static void assertFailure(String header, byte[] body, StripeSignature.Failure failure) {
        assertThatThrownBy(() -> signature.verify(header, body))
                .isInstanceOf(StripeSignature.Refused.class)
                .extracting(e -> ((StripeSignature.Refused) e).failure())
                .isEqualTo(failure);
    }
}
