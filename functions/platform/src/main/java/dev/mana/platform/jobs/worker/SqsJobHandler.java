package dev.mana.platform.jobs.worker;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mana.platform.Log;
import java.util.ArrayList;
import java.util.function.Function;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The Lambda SQS trigger: runs each record through the {@link Worker} and answers a partial
 * batch response (the event source mapping needs {@code ReportBatchItemFailures}): records that
 * are done are left out, so Lambda deletes them; a record to retry gets its visibility set (the
 * backoff) and is listed in {@code batchItemFailures}, so SQS delivers it again then.
 */
public final class SqsJobHandler implements Function<SQSEvent, SQSBatchResponse> {
    private final Worker worker;
    private final SqsClient sqs;
    private final String queueUrl;

    public SqsJobHandler(Worker worker, SqsClient sqs, String queueUrl) {
        this.worker = worker;
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public SQSBatchResponse apply(SQSEvent event) {
        var failures = new ArrayList<SQSBatchResponse.BatchItemFailure>();
        for (var record : event.getRecords()) {
            try {
                var disposition = worker.handle(
                        record.getBody(),
                        receiveCount(record),
                        visibility -> setVisibility(record.getReceiptHandle(), (int) visibility.toSeconds()),
                        () -> false);
                if (disposition.action() != Disposition.Action.DELETE) {
                    setVisibility(record.getReceiptHandle(), (int)
                            disposition.visibility().toSeconds());
                    failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
                }
            } catch (RuntimeException e) {
                Log.error("job record failed", e, "messageId", record.getMessageId());
                failures.add(new SQSBatchResponse.BatchItemFailure(record.getMessageId()));
            }
        }
        return new SQSBatchResponse(failures);
    }

    private void setVisibility(String receiptHandle, int seconds) {
        try {
            sqs.changeMessageVisibility(
                    c -> c.queueUrl(queueUrl).receiptHandle(receiptHandle).visibilityTimeout(seconds));
        } catch (RuntimeException e) {
            // The record is still reported as failed: SQS retries it after the queue's timeout.
            Log.error("could not set a message's visibility", e);
        }
    }

    static int receiveCount(SQSEvent.SQSMessage record) {
        var attributes = record.getAttributes();
        String count = attributes == null ? null : attributes.get("ApproximateReceiveCount");
        try {
            return count == null ? 1 : Integer.parseInt(count);
        } catch (NumberFormatException e) {
            return 1;
        }
    }
}
