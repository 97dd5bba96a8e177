package dev.mana.auth.billing;

import static dev.mana.auth.billing.StripeWebhookTest.SECRET;
import static dev.mana.auth.billing.StripeWebhookTest.checkout;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Credits are granted for money received, never for a checkout that was only completed: a
 * delayed payment method completes the session unpaid and pays (or fails) later.
 */
@ExtendWith(AwsEmulatorExtension.class)
class StripeSecurityTest {
    static final String COMPLETED = "checkout.session.completed";
    static final String ASYNC_SUCCEEDED = "checkout.session.async_payment_succeeded";
    static final String ASYNC_FAILED = "checkout.session.async_payment_failed";
    static final StripeSignature signer = new StripeSignature(SECRET, Clock.systemUTC());

    static AuthClient auth;
    static EmulatedStack stack;
    static String account;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        auth = AuthClient.start(s, Map.of("STRIPE_WEBHOOK_SECRET", SECRET));
        account = auth.register("stripe-sec@example.com", AuthClient.PASSWORD)
                .json()
                .path("accountId")
                .asText();
    }

    static ProxyResponse deliver(String type, String paymentStatus, String eventId, String sessionId) {
        String payload = checkout(
                type, paymentStatus, eventId, sessionId, "\"client_reference_id\":\"" + account + "\"", "\"70\"");
        return auth.call(ProxyEvent.request("POST", "/v1/billing/stripe/webhook")
                .header(
                        "Stripe-Signature",
                        signer.header(Instant.now().getEpochSecond(), payload.getBytes(StandardCharsets.UTF_8)))
                .json(payload));
    }

    static long balance() {
        return Callers.ledger(stack).balance(account).balance();
    }

    @ParameterizedTest
    @ValueSource(strings = {"unpaid", "no_payment_required", ""})
    void checkoutCompletedWithoutPayment_creditsNothing(String paymentStatus) {
        long before = balance();

        var response = deliver(
                COMPLETED, paymentStatus, "evt_unpaid" + paymentStatus.length(), "cs_unpaid_" + paymentStatus.length());

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("ignored").asBoolean()).isTrue();
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void delayedPayment_isCreditedOnceWhenItSucceeds_howeverOftenStripeDelivers() {
        long before = balance();

        deliver(COMPLETED, "unpaid", "evt_delayed1", "cs_delayed");
        assertThat(balance()).isEqualTo(before);
        var paid = deliver(ASYNC_SUCCEEDED, "paid", "evt_delayed2", "cs_delayed");
        var redelivered = deliver(ASYNC_SUCCEEDED, "paid", "evt_delayed2", "cs_delayed");

        assertThat(paid.status()).as(paid.text()).isEqualTo(200);
        assertThat(paid.json().path("credits").asLong()).isEqualTo(70);
        assertThat(redelivered.status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(before + 70);
    }

    @Test
    void delayedPaymentThatFails_creditsNothing() {
        long before = balance();

        deliver(COMPLETED, "unpaid", "evt_failing1", "cs_failing");
        var failed = deliver(ASYNC_FAILED, "unpaid", "evt_failing2", "cs_failing");

        assertThat(failed.status()).isEqualTo(200);
        assertThat(balance()).isEqualTo(before);
    }

    @Test
    void oneSessionAnnouncedPaidByBothEvents_isCreditedOnce() {
        long before = balance();

        deliver(COMPLETED, "paid", "evt_both1", "cs_both");
        deliver(ASYNC_SUCCEEDED, "paid", "evt_both2", "cs_both");

        assertThat(balance()).isEqualTo(before + 70);
    }
}
