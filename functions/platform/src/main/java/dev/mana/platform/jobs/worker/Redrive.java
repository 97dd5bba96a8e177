package dev.mana.platform.jobs.worker;

import dev.mana.platform.AwsClients;
import java.util.ArrayList;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * Moves every message of a dead-letter queue back to its source queue (after a fix, say): {@code
 * java -cp platform.jar dev.mana.platform.jobs.worker.Redrive QUEUE_URL DLQ_URL}. A message is
 * deleted from the DLQ only after it was sent; a job already ended ignores its redriven message.
 */
public final class Redrive {
    private Redrive() {}

    /** @return how many messages moved */
    public static int move(SqsClient sqs, String deadLetterQueueUrl, String queueUrl) {
        int moved = 0;
        while (true) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(deadLetterQueueUrl)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(0)
                            .visibilityTimeout(60))
                    .messages();
            if (messages.isEmpty()) return moved;
            var sends = new ArrayList<SendMessageBatchRequestEntry>();
            for (int i = 0; i < messages.size(); i++) {
                var message = messages.get(i);
                sends.add(SendMessageBatchRequestEntry.builder()
                        .id(Integer.toString(i))
                        .messageBody(message.body())
                        .messageAttributes(message.messageAttributes())
                        .build());
            }
            var sent = sqs.sendMessageBatch(b -> b.queueUrl(queueUrl).entries(sends))
                    .successful();
            var deletes = new ArrayList<DeleteMessageBatchRequestEntry>();
            for (var ok : sent) {
                var message = messages.get(Integer.parseInt(ok.id()));
                deletes.add(DeleteMessageBatchRequestEntry.builder()
                        .id(ok.id())
                        .receiptHandle(message.receiptHandle())
                        .build());
            }
            if (!deletes.isEmpty())
                sqs.deleteMessageBatch(b -> b.queueUrl(deadLetterQueueUrl).entries(deletes));
            moved += deletes.size();
        }
    }

    public static void main(String[] args) {
        if (args.length != 2) {
            System.err.println("usage: Redrive QUEUE_URL DLQ_URL");
            System.exit(2);
        }
        int moved = move(AwsClients.fromEnvironment().sqs(), args[1], args[0]);
        System.out.println(moved + " messages moved back to " + args[0]);
    }
}
