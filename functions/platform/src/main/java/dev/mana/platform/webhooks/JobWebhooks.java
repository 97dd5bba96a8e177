package dev.mana.platform.webhooks;

import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.Log;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.Job;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.Consumer;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A worker's {@code onEnd}: announces the ended job to its webhook (first attempt) and, when that
 * attempt fails, queues the next one on WebhooksQueue with the retry's delay, where {@link
 * WebhookRetries} takes it. A delivery problem is logged, never thrown: it must not fail or retry
 * the job. The extract, STT and TTS workers share it:
 *
 * <pre>{@code
 * new Worker(store, items, processors, settings, JobWebhooks.fromEnvironment(aws))
 * }</pre>
 */
public final class JobWebhooks implements Consumer<Job> {
    /** The queue of scheduled attempts (WebhooksQueue). */
    public static final String QUEUE_URL_VARIABLE = "WEBHOOKS_QUEUE_URL";
    /**
     * Comma-separated seconds replacing the retry schedule (5 waits by default: 30, 120, 600, 1800,
     * 3600); for tests and the local runtime only.
     */
    public static final String RETRY_DELAYS_VARIABLE = "MANA_WEBHOOK_RETRY_DELAYS";

    private final WebhookDelivery delivery;
    private final SqsClient sqs;
    private final String queueUrl;
    private final Clock clock;

    public JobWebhooks(WebhookDelivery delivery, SqsClient sqs, String queueUrl, Clock clock) {
        this.delivery = Objects.requireNonNull(delivery, "delivery");
        this.sqs = Objects.requireNonNull(sqs, "sqs");
        this.queueUrl = Objects.requireNonNull(queueUrl, "queueUrl");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Built from the function's environment: tables, {@code MANA_FETCH_ALLOW_CIDRS}, WEBHOOKS_QUEUE_URL. */
    public static JobWebhooks fromEnvironment(AwsClients aws) {
        WebhookSettings settings = settingsFromEnvironment();
        return new JobWebhooks(
                deliveryFromEnvironment(aws, settings),
                aws.sqs(),
                Environment.require(QUEUE_URL_VARIABLE),
                settings.clock());
    }

    /** {@link WebhookSettings#DEFAULTS}, with {@code MANA_WEBHOOK_RETRY_DELAYS} when it is set. */
    public static WebhookSettings settingsFromEnvironment() {
        String delays = Environment.get(RETRY_DELAYS_VARIABLE, "").strip();
        if (delays.isEmpty()) return WebhookSettings.DEFAULTS;
        var d = WebhookSettings.DEFAULTS;
        return new WebhookSettings(
                Arrays.stream(delays.split(","))
                        .map(String::strip)
                        .map(s -> Duration.ofSeconds(Long.parseLong(s)))
                        .toList(),
                d.timeout(),
                d.userAgent(),
                d.clock());
    }

    public static WebhookDelivery deliveryFromEnvironment(AwsClients aws, WebhookSettings settings) {
        var dynamo = aws.dynamoDb();
        return new WebhookDelivery(
                new PageFetcher(FetchPolicy.withAllowCidrs(Environment.get("MANA_FETCH_ALLOW_CIDRS", ""))),
                new WebhookSecrets(dynamo, Environment.require("ACCOUNTS_TABLE"), settings.clock()),
                new DeliveryLog(dynamo, Environment.require("JOBS_TABLE")),
                settings);
    }

    public WebhookDelivery delivery() {
        return delivery;
    }

    /**
     * The first attempt of an ended job; a failure is scheduled, any error logged. The worker
     * may call this again for a job it finds already ended (its predecessor died between ending
     * the job and announcing it): a job whose event was attempted is left to its retries, one
     * that was not is delivered now, so every ended job is announced at least once.
     */
    @Override
    public void accept(Job job) {
        try {
            if (job.webhook() != null && delivery.attempted(job)) return;
            DeliveryOutcome outcome = delivery.deliver(job);
            outcome.retry().ifPresent(this::schedule);
        } catch (RuntimeException e) {
            Log.error("webhook delivery failed", e, "jobId", job.id());
        }
    }

    /** Queues {@code retry} to be received when it is due (or after 15 minutes, to wait again). */
    public void schedule(WebhookRetry retry) {
        int delay = retry.delaySeconds(clock.instant());
        sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(retry.toJson()).delaySeconds(delay));
        Log.info(
                "webhook retry scheduled",
                "jobId",
                retry.jobId(),
                "attempt",
                retry.attempt(),
                "dueAt",
                retry.dueAt().toString(),
                "delaySeconds",
                delay);
    }
}
