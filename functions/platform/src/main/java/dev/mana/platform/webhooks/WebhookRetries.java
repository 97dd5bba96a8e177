package dev.mana.platform.webhooks;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mana.platform.Log;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStore;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * WebhooksQueue's consumer: each message is a {@link WebhookRetry}. One received before it is due
 * (SQS delays at most 15 minutes) is queued again with the wait left; a due one is attempted
 * against the job as it is now, and a failure queues the next attempt. A message that is not a
 * retry, or names a job that no longer exists, is dropped with a log line; an error (DynamoDB,
 * SQS) reports the message as a batch item failure, so SQS offers it again.
 */
public final class WebhookRetries implements Function<SQSEvent, SQSBatchResponse> {
    private final JobStore store;
    private final JobWebhooks webhooks;
    private final Clock clock;

    public WebhookRetries(JobStore store, JobWebhooks webhooks, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.webhooks = Objects.requireNonNull(webhooks, "webhooks");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var record : event.getRecords()) {
            try {
                handle(record.getBody());
            } catch (RuntimeException e) {
                Log.error("webhook retry failed", e, "messageId", record.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    /** One message's body; throws only for errors worth receiving it again. */
    public void handle(String body) {
        WebhookRetry retry;
        try {
            retry = WebhookRetry.fromJson(body);
        } catch (IllegalArgumentException e) {
            Log.warn("webhook retry message dropped: not a retry", "bodyLength", body == null ? 0 : body.length());
            return;
        }
        if (!retry.due(clock.instant())) {
            webhooks.schedule(retry);
            return;
        }
        Optional<Job> job = store.find(retry.jobId());
        if (job.isEmpty()) {
            Log.warn("webhook retry dropped: no such job", "jobId", retry.jobId());
            return;
        }
        DeliveryOutcome outcome = webhooks.delivery().deliver(job.get(), retry);
        outcome.retry().ifPresent(webhooks::schedule);
        if (outcome.status() == DeliveryOutcome.Status.GAVE_UP) {
            Log.warn("webhook delivery gave up", "jobId", retry.jobId(), "attempt", retry.attempt());
        }
    }
}
