package dev.mana.auth.billing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.auth.AuthClient;
import dev.mana.auth.Callers;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class StripeWebhookTest {
    /** A test-only endpoint secret; the deployed one comes from the StripeWebhookSecret parameter. */
    static final String SECRET = "whsec_test_" + "5f3a0c";

    static AuthClient auth;
    static EmulatedStack stack;
    static String account;
    static final StripeSignature signer = new StripeSignature(SECRET, Clock.systemUTC());

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s, Map.of("STRIPE_WEBHOOK_SECRET", SECRET));
        account = auth.register("payer@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
    }

    static String checkout(String eventId, String accountField, String credits) {
        return checkout("checkout.session.completed", "paid", eventId, "cs_" + eventId, accountField, credits);
    }

    /** A checkout event of {@code type} for session {@code sessionId} in {@code paymentStatus}. */
    static String checkout(
            String type, String paymentStatus, String eventId, String sessionId, String accountField, String credits) {
        return "{\"id\":\"" + eventId + "\",\"object\":\"event\",\"type\":\"" + type + "\","
                + "\"data\":{\"object\":{\"id\":\"" + sessionId + "\",\"object\":\"checkout.session\","
                + "\"payment_status\":\"" + paymentStatus + "\","
                + accountField + ",\"metadata\":{\"credits\":" + credits + "}}}}";
    }

    static ProxyResponse deliver(String payload, String signatureHeader) {
        var event = ProxyEvent.request("POST", "/v1/billing/stripe/webhook")
                .header("Content-Type", "application/json; charset=utf-8")
                .json(payload);
        if (signatureHeader != null) event.header("Stripe-Signature", signatureHeader);
        return auth.call(event);
    }

    static String signed(String payload) {
        return signer.header(Instant.now().getEpochSecond(), payload.getBytes(StandardCharsets.UTF_8));
    }

    long balance() {
        return Callers.ledger(stack).balance(account).balance();
    }

    @Test
    void checkoutCompleted_creditsTheAccountOnce_howeverOftenStripeDeliversIt() {
        long before = balance();
        // Whitespace as Stripe sends it: the signature covers the raw bytes, not re-serialised JSON.
        String payload = checkout("evt_once1", "\"client_reference_id\":  \"" + account + "\"", "\"500\"")
                .replace(",", ", ");

        var first = deliver(payload, signed(payload));
        var again = deliver(payload, signed(payload));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.json().path("credits").asLong()).isEqualTo(500);
        assertThat(again.status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(before + 500);
    }

    @Test
    void accountFromMetadata_whenNoClientReference_isCredited() {
        long before = balance();
        String payload = "{\"id\":\"evt_meta1\",\"type\":\"checkout.session.completed\",\"data\":{\"object\":"
                + "{\"id\":\"cs_2\",\"payment_status\":\"paid\",\"metadata\":{\"accountId\":\"" + account
                + "\",\"credits\":\"20\"}}}}";

        assertThat(deliver(payload, signed(payload)).status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(before + 20);
    }

    @Test
    void anyMatchingV1AmongSeveral_passes() {
        String payload = checkout("evt_multi1", "\"client_reference_id\":\"" + account + "\"", "\"1\"");
        long t = Instant.now().getEpochSecond();
        String header = "t=" + t + ",v1=" + "ab".repeat(32) + ",v0=deadbeef,"
                + signed(payload).substring(signed(payload).indexOf("v1="));

        assertThat(deliver(payload, header).status()).isEqualTo(200);
    }

    @Test
    void badSignatures_answer400_andCreditNothing() {
        long before = balance();
        String payload = checkout("evt_bad1", "\"client_reference_id\":\"" + account + "\"", "\"1000\"");
        long now = Instant.now().getEpochSecond();
        byte[] bytes = payload.getBytes(StandardCharsets.UTF_8);
        var otherSecret = new StripeSignature("whsec_other", Clock.systemUTC());

        for (String header : new String[] {
            null,
            "",
            "garbage",
            "t=" + now,
            "v1=" + "00".repeat(32),
            otherSecret.header(now, bytes),
            signer.header(now - 301, bytes),
            signer.header(now + 600, bytes), // well past the 5-minute tolerance, however slow this test runs
            signer.header(now, (payload + " ").getBytes(StandardCharsets.UTF_8)),
        }) {
            var response = deliver(payload, header);
            assertThat(response.status()).as(String.valueOf(header)).isEqualTo(400);
            assertThat(response.header("Content-Type")).startsWith("application/problem+json");
            assertThat(response.json().path("parameter").asText()).isEqualTo("Stripe-Signature");
        }
        // A tampered body under a genuine signature.
        String tampered = payload.replace("\"1000\"", "\"9000\"");
        assertThat(deliver(tampered, signer.header(now, bytes)).status()).isEqualTo(400);
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void otherEventTypes_answer200Ignored() {
        String payload = "{\"id\":\"evt_other1\",\"type\":\"invoice.paid\",\"data\":{\"object\":{}}}";

        var response = deliver(payload, signed(payload));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.json().path("ignored").asBoolean()).isTrue();
    }

    @Test
    void signedCheckout_forNoKnownAccount_orWithoutCredits_answers422() {
        String unknown = checkout("evt_unknown1", "\"client_reference_id\":\"acct_nobody\"", "\"5\"");
        var response = deliver(unknown, signed(unknown));
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asText()).isEqualTo("client_reference_id");

        String noCredits = checkout("evt_nocredits1", "\"client_reference_id\":\"" + account + "\"", "\"lots\"");
        var refused = deliver(noCredits, signed(noCredits));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.json().path("field").asText()).isEqualTo("metadata.credits");
    }

    @Test
    void withoutAConfiguredSecret_signedEventsAnswer503() {
        var unconfigured = AuthClient.start(stack);
        String payload = checkout("evt_nosecret", "\"client_reference_id\":\"" + account + "\"", "\"5\"");
        var response = unconfigured.call(ProxyEvent.request("POST", "/v1/billing/stripe/webhook")
                .header("Stripe-Signature", signed(payload))
                .json(payload));
        assertThat(response.status()).isEqualTo(503);
        // Restore the configured function for the other tests of this class.
        auth = AuthClient.start(stack, Map.of("STRIPE_WEBHOOK_SECRET", SECRET));
    }
}
