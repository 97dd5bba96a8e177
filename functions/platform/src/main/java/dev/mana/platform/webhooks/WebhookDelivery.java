package dev.mana.platform.webhooks;

import dev.mana.platform.Log;
import dev.mana.platform.fetch.FetchFailure;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.fetch.PostResponse;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.webhooks.DeliveryAttempt.Result;
import dev.mana.platform.webhooks.DeliveryOutcome.Status;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

/**
 * Announces a job's end to its webhook (Standard Webhooks), one attempt per call, so it fits a
 * Lambda invocation: the caller schedules the {@link DeliveryOutcome#next} attempt it returns
 * (through a delayed queue message, see {@link WebhookRetry}). Every attempt goes through the SSRF
 * guard, is signed with the account's secrets and lands in the {@link DeliveryLog}. Build one per
 * container, at init:
 *
 * <pre>{@code
 * new WebhookDelivery(
 *         new PageFetcher(FetchPolicy.withAllowCidrs(Environment.get("MANA_FETCH_ALLOW_CIDRS", ""))),
 *         new WebhookSecrets(dynamo, Environment.require("ACCOUNTS_TABLE")),
 *         new DeliveryLog(dynamo, Environment.require("JOBS_TABLE")),
 *         WebhookSettings.DEFAULTS)
 * }</pre>
 */
public final class WebhookDelivery {
    private static final Set<FetchFailure.Reason> PERMANENT = Set.of(
            FetchFailure.Reason.INVALID_URL,
            FetchFailure.Reason.UNSUPPORTED_SCHEME,
            FetchFailure.Reason.BLOCKED_ADDRESS);

    private final PageFetcher fetcher;
    private final WebhookSecrets secrets;
    private final DeliveryLog log;
    private final WebhookSettings settings;

    public WebhookDelivery(PageFetcher fetcher, WebhookSecrets secrets, DeliveryLog log, WebhookSettings settings) {
        this.fetcher = Objects.requireNonNull(fetcher, "fetcher");
        this.secrets = Objects.requireNonNull(secrets, "secrets");
        this.log = Objects.requireNonNull(log, "log");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    /** The first attempt for a job that just ended (the worker's {@code onEnd}). */
    public DeliveryOutcome deliver(Job job) {
        return WebhookEvent.ofStatus(job.status())
                .map(event -> attempt(job, event, 1))
                .orElse(DeliveryOutcome.of(Status.SKIPPED));
    }

    /** Whether the ended job's event was attempted already (a first attempt is in the delivery log). */
    public boolean attempted(Job job) {
        var event = WebhookEvent.ofStatus(job.status());
        return event.isPresent() && log.list(job.id()).stream().anyMatch(a -> a.event() == event.get());
    }

    /** A scheduled attempt, once {@link WebhookRetry#due}; {@code job} is read again by {@code retry.jobId()}. */
    public DeliveryOutcome deliver(Job job, WebhookRetry retry) {
        if (!job.id().equals(retry.jobId())) throw new IllegalArgumentException("the retry is another job's");
        if (WebhookEvent.ofStatus(job.status()).filter(retry.event()::equals).isEmpty()) {
            return DeliveryOutcome.of(Status.SKIPPED);
        }
        if (retry.attempt() > settings.attempts()) return DeliveryOutcome.of(Status.GAVE_UP);
        return attempt(job, retry.event(), retry.attempt());
    }

    /** The {@code webhook-id} of a job's event: the same for every attempt, as receivers dedupe on it. */
    public static String messageId(String jobId, WebhookEvent event) {
        return "msg_" + jobId.substring(jobId.indexOf('_') + 1) + "_"
                + event.name().substring(4).toLowerCase(Locale.ROOT);
    }

    private DeliveryOutcome attempt(Job job, WebhookEvent event, int attempt) {
        Job.Webhook hook = job.webhook();
        if (hook == null || !hook.wants(event.wire())) return DeliveryOutcome.of(Status.SKIPPED);
        Instant now = settings.clock().instant();
        String messageId = messageId(job.id(), event);
        String body = WebhookPayload.of(job, event, now);
        var headers = new LinkedHashMap<String, String>();
        headers.put("Content-Type", "application/json");
        headers.put("User-Agent", settings.userAgent());
        headers.putAll(WebhookSigner.headers(messageId, now, body, secrets.signing(job.accountId())));
        var sent = new Sent(job, event, messageId, attempt, now);

        long start = System.nanoTime();
        try {
            PostResponse response = fetcher.post(
                    new URI(hook.url()), body.getBytes(StandardCharsets.UTF_8), headers, settings.timeout());
            long latency = millisSince(start);
            if (response.successful()) {
                record(sent, Result.DELIVERED, response.status(), null, latency);
                return DeliveryOutcome.of(Status.DELIVERED);
            }
            String error = response.status() >= 300 && response.status() < 400 ? "redirect" : "http_status";
            record(sent, Result.FAILED, response.status(), error, latency);
        } catch (URISyntaxException e) {
            record(sent, Result.REFUSED, null, "invalid_url", millisSince(start));
            return DeliveryOutcome.of(Status.REFUSED);
        } catch (FetchFailure e) {
            String error = e.reason().name().toLowerCase(Locale.ROOT);
            if (PERMANENT.contains(e.reason())) {
                record(sent, Result.REFUSED, null, error, millisSince(start));
                return DeliveryOutcome.of(Status.REFUSED);
            }
            record(sent, Result.FAILED, null, error, millisSince(start));
        }
        if (attempt >= settings.attempts()) return DeliveryOutcome.of(Status.GAVE_UP);
        Instant due = now.plus(settings.retryDelays().get(attempt - 1));
        return new DeliveryOutcome(Status.WILL_RETRY, new WebhookRetry(job.id(), event, attempt + 1, due));
    }

    private record Sent(Job job, WebhookEvent event, String messageId, int attempt, Instant at) {}

    private void record(Sent sent, Result result, Integer status, String error, long latencyMs) {
        Job job = sent.job();
        var entry = new DeliveryAttempt(
                job.id(),
                sent.messageId(),
                sent.event(),
                job.webhook().url(),
                sent.attempt(),
                result,
                status,
                error,
                latencyMs,
                sent.at());
        Log.info(
                "webhook attempt",
                "jobId",
                job.id(),
                "event",
                sent.event().wire(),
                "attempt",
                sent.attempt(),
                "result",
                result.name(),
                "statusCode",
                status,
                "error",
                error,
                "latencyMs",
                latencyMs);
        log.record(entry, job.expiresAt() != null ? job.expiresAt() : sent.at().plus(java.time.Duration.ofDays(7)));
    }

    private static long millisSince(long startNanos) {
        return (System.nanoTime() - startNanos) / 1_000_000;
    }
}
