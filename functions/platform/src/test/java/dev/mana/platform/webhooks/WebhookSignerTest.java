package dev.mana.platform.webhooks;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {
    // The Standard Webhooks specification's example secret.
    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";

    /** The spec, written out independently: base64(HMAC-SHA256(base64decode(key), id.ts.body)). */
    private static String independent(String secret, String id, long ts, String body) throws Exception {
        var mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring(6)), "HmacSHA256"));
        return Base64.getEncoder()
                .encodeToString(mac.doFinal((id + "." + ts + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void headers_carryIdTimestampAndAV1SignatureTheSpecComputes() throws Exception {
        String body = "{\"type\":\"job.succeeded\",\"data\":{\"id\":\"job_1\"}}";

        var headers = WebhookSigner.headers("msg_1", Instant.ofEpochSecond(1_614_265_330), body, List.of(SECRET));

        assertThat(headers).containsEntry("webhook-id", "msg_1").containsEntry("webhook-timestamp", "1614265330");
        assertThat(headers.get("webhook-signature"))
                .isEqualTo("v1," + independent(SECRET, "msg_1", 1_614_265_330, body));
    }

    @Test
    void duringRotation_bothSecretsSign_andEachVerifies() {
        String old = WebhookSigner.newSecret();
        var headers = WebhookSigner.headers("msg_2", Instant.ofEpochSecond(10), "{}", List.of(SECRET, old));

        assertThat(headers.get("webhook-signature").split(" ")).hasSize(2);
        assertThat(WebhookSigner.verify(SECRET, "msg_2", "10", "{}", headers.get("webhook-signature")))
                .isTrue();
        assertThat(WebhookSigner.verify(old, "msg_2", "10", "{}", headers.get("webhook-signature")))
                .isTrue();
        assertThat(WebhookSigner.verify(old, "msg_2", "10", "{ }", headers.get("webhook-signature")))
                .isFalse();
    }
}
