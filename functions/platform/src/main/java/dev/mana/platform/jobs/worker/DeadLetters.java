package dev.mana.platform.jobs.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.Log;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.Claim;
import dev.mana.platform.jobs.Job;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.webhooks.JobWebhooks;
import java.time.Duration;
import java.util.ArrayList;
import java.util.function.Consumer;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Ends the jobs whose messages SQS moved to the dead-letter queue after the queue's max receives:
 * each is failed and its hold released, exactly once (the store's conditions). A job another
 * worker still holds a live lease on is left for later. Runs as a Lambda on the DLQ ({@link
 * #apply}) or as a command that drains it: {@code java -cp ... DeadLetters DLQ_URL}.
 */
public final class DeadLetters implements Function<SQSEvent, SQSBatchResponse> {
    static final String WORKER_ID = "dead-letters";

    private final JobStore store;
    private final Consumer<Job> onEnd;

    /** As deployed: the jobs and credits tables and the job webhooks from the environment. */
    public static DeadLetters fromEnvironment() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        return new DeadLetters(
                new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger), JobWebhooks.fromEnvironment(aws));
    }

    public DeadLetters(JobStore store, Consumer<Job> onEnd) {
        this.store = store;
        this.onEnd = onEnd == null ? job -> {} : onEnd;
    }

    /** Whether the message is done with (delete it); false: a worker is on the job, look again later. */
    public boolean handle(String body) {
        var message = JobMessage.parse(body);
        if (message.isEmpty()) return true;
        var claim = store.start(message.get().jobId(), WORKER_ID, Duration.ofMinutes(1));
        if (!claim.mayWork()) return claim.outcome() != Claim.Outcome.BUSY;
        var problem = PermanentFailure.problem(
                "job_failed", 500, "The job failed repeatedly and was given up; its credits were released.");
        if (store.fail(claim.job(), problem)) {
            Log.warn("dead-lettered job failed", "jobId", claim.job().id());
            store.find(claim.job().id()).ifPresent(onEnd);
        }
        return true;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var record : event.getRecords()) {
            boolean done;
            try {
                done = handle(record.getBody());
            } catch (RuntimeException e) {
                Log.error("dead letter failed", e, "messageId", record.getMessageId());
                done = false;
            }
            if (!done) failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
        }
        return new SQSBatchResponse(failures);
    }

    /** Drains the DLQ once; returns how many messages were done with (deleted). */
    public int drain(SqsClient sqs, String deadLetterQueueUrl) {
        int done = 0;
        while (true) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .visibilityTimeout(60))
                    .messages();
            if (messages.isEmpty()) return done;
            for (var message : messages) {
                if (handle(message.body())) {
                    sqs.deleteMessage(d -> d.queueUrl(deadLetterQueueUrl).receiptHandle(message.receiptHandle()));
                    done++;
                }
            }
        }
    }

    /** {@code DeadLetters DLQ_URL}, with JOBS_TABLE and CREDITS_TABLE in the environment. */
    public static void main(String[] args) {
        if (args.length != 1) {
            System.err.println("usage: DeadLetters DLQ_URL");
            System.exit(2);
        }
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var store = new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger);
        int done = new DeadLetters(store, null).drain(aws.sqs(), args[0]);
        System.out.println(done + " dead letters handled");
    }
}
