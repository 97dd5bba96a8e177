package dev.mana.platform.webhooks;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.MovableClock;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStatus;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** Secrets, log and delivery on a test stack, with a hand-moved clock and loopback (or nothing) allowed. */
final class WebhooksFixture {
    static final Instant START = Instant.parse("2025-03-01T12:00:00Z");

    final MovableClock clock = new MovableClock(START);
    final WebhookSecrets secrets;
    final DeliveryLog log;
    final WebhookDelivery delivery;

    /** @param allowCidrs MANA_FETCH_ALLOW_CIDRS: "127.0.0.0/8" for a loopback receiver, "" for production's */
    WebhooksFixture(EmulatedStack stack, String allowCidrs) {
        var dynamo = stack.clients().dynamoDb();
        this.secrets = new WebhookSecrets(dynamo, stack.ref("AccountsTable"), clock);
        this.log = new DeliveryLog(dynamo, stack.ref("JobsTable"));
        var settings = WebhookSettings.DEFAULTS.withClock(clock).withTimeout(Duration.ofSeconds(3));
        this.delivery =
                new WebhookDelivery(new PageFetcher(FetchPolicy.withAllowCidrs(allowCidrs)), secrets, log, settings);
    }

    static String account() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** An ended job of a new account, with a unique id, announcing to {@code url}. */
    Job ended(JobStatus status, String url, List<String> events) {
        String id = "job_"
                + HexFormat.of().formatHex(new SecureRandom().generateSeed(13)).substring(0, 26);
        return new Job(
                id,
                account(),
                "extract-batch",
                status,
                Job.Progress.of(2, 2, 0),
                Map.of("urls", 2),
                status == JobStatus.SUCCEEDED ? Map.of("extracted", 2) : null,
                status == JobStatus.FAILED ? Map.of("code", "internal_error", "status", 500) : null,
                new Job.Credits(2, 2, 0),
                null,
                new Job.Webhook(url, events, Map.of("order", "42")),
                clock.instant().minusSeconds(60),
                clock.instant().minusSeconds(30),
                clock.instant(),
                clock.instant().plus(Duration.ofDays(7)),
                false,
                1);
    }

    /**
     * The Standard Webhooks check written out apart from {@link WebhookSigner}: the secrets (after
     * {@code whsec_}, base64-decoded) whose HMAC-SHA256 of {@code id.timestamp.body} is among the
     * header's {@code v1,} signatures.
     */
    static List<String> verifyingSecrets(WebhookReceiver.Received request, List<String> candidates) throws Exception {
        String signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + "." + request.body();
        List<String> presented = List.of(request.header("webhook-signature").split(" "));
        var verifying = new ArrayList<String>();
        for (String secret : candidates) {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
            String expected =
                    "v1," + Base64.getEncoder().encodeToString(mac.doFinal(signed.getBytes(StandardCharsets.UTF_8)));
            if (presented.contains(expected)) verifying.add(secret);
        }
        return verifying;
    }
}
