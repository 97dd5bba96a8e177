package dev.mana.platform.jobs.worker;

import dev.mana.platform.jobs.Job;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Sends a job to its kind's queue. A job sent twice is still done once (the store's conditions). */
public final class JobQueue {
    private final SqsClient sqs;
    private final String queueUrl;

    public JobQueue(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    /** @return the SQS message id */
    public String enqueue(Job job, Map<String, Object> payload) {
        String body = new JobMessage(job.id(), job.kind(), payload).toJson();
        return sqs.sendMessage(m -> m.queueUrl(queueUrl).messageBody(body)).messageId();
    }
}
