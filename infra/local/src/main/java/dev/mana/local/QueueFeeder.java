package dev.mana.local;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import dev.mana.platform.Log;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.DeleteMessageBatchRequestEntry;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * Feeds a queue to a worker function as Lambda's SQS event source mapping does: receives
 * batches, invokes the function with an SQS event, deletes the messages it processed and
 * leaves the rest. With ReportBatchItemFailures only the listed records stay; a failed
 * invocation leaves the whole batch. Messages left come back after their visibility timeout
 * and, past the queue's maxReceiveCount, SQS moves them to the DLQ.
 */
final class QueueFeeder implements AutoCloseable {
    /** The function: an SQS event's JSON in, its response's JSON out. */
    interface Worker {
        byte[] invoke(byte[] event) throws Exception;
    }

    private final SqsClient sqs;
    private final String queueUrl;
    private final String queueArn;
    private final int batchSize;
    private final boolean reportsFailures;
    private final Worker worker;
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final Thread thread;

    QueueFeeder(
            SqsClient sqs, String queueUrl, String queueArn, int batchSize, boolean reportsFailures, Worker worker) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
        this.queueArn = queueArn;
        this.batchSize = Math.min(10, Math.max(1, batchSize));
        this.reportsFailures = reportsFailures;
        this.worker = worker;
        this.thread = Thread.ofVirtual().name("sqs-feeder-" + queueArn).unstarted(this::loop);
    }

    QueueFeeder start() {
        thread.start();
        return this;
    }

    private void loop() {
        while (running.get()) {
            try {
                pollOnce();
            } catch (RuntimeException e) {
                if (running.get()) Log.error("queue feeder failed; retrying", e, "queue", queueArn);
                sleep();
            }
        }
    }

    /** One receive, invoke and delete round; returns the number of messages received. */
    int pollOnce() {
        List<Message> messages = sqs.receiveMessage(b -> b.queueUrl(queueUrl)
                        .maxNumberOfMessages(batchSize)
                        .waitTimeSeconds(1)
                        .messageSystemAttributeNames(MessageSystemAttributeName.ALL)
                        .messageAttributeNames("All"))
                .messages();
        if (messages.isEmpty()) return 0;
        var failed = new HashSet<String>();
        try {
            JsonNode response = Json.mapper().readTree(worker.invoke(event(messages)));
            if (reportsFailures) {
                response.path("batchItemFailures")
                        .forEach(f -> failed.add(f.path("itemIdentifier").asText()));
            }
        } catch (Exception e) {
            Log.error("worker invocation failed; the batch returns to the queue", e, "queue", queueArn);
            return messages.size();
        }
        var done = new ArrayList<DeleteMessageBatchRequestEntry>();
        for (Message m : messages) {
            if (!failed.contains(m.messageId())) {
                done.add(DeleteMessageBatchRequestEntry.builder()
                        .id(Integer.toString(done.size()))
                        .receiptHandle(m.receiptHandle())
                        .build());
            }
        }
        if (!done.isEmpty()) sqs.deleteMessageBatch(b -> b.queueUrl(queueUrl).entries(done));
        return messages.size();
    }

    /** The SQS event Lambda sends: one record per message. */
    byte[] event(List<Message> messages) {
        var records = new ArrayList<Map<String, Object>>();
        for (Message m : messages) {
            var record = new LinkedHashMap<String, Object>();
            record.put("messageId", m.messageId());
            record.put("receiptHandle", m.receiptHandle());
            record.put("body", m.body());
            var attributes = new LinkedHashMap<String, String>();
            m.attributes().forEach((name, value) -> attributes.put(name.toString(), value));
            record.put("attributes", attributes);
            var messageAttributes = new LinkedHashMap<String, Object>();
            m.messageAttributes()
                    .forEach((name, value) -> messageAttributes.put(
                            name,
                            Map.of("stringValue", String.valueOf(value.stringValue()), "dataType", value.dataType())));
            record.put("messageAttributes", messageAttributes);
            record.put("md5OfBody", m.md5OfBody());
            record.put("eventSource", "aws:sqs");
            record.put("eventSourceARN", queueArn);
            record.put("awsRegion", "us-east-1");
            records.add(record);
        }
        return Json.write(Map.of("Records", records)).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private static void sleep() {
        try {
            Thread.sleep(1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        running.set(false);
        try {
            thread.join(5000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
