package dev.mana.emulator;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.Json;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * A function that SQS triggers (a worker or a dead-letter handler), in the test JVM through
 * Lambda's invoker with its template environment, and the queue it reads: {@link #take} receives a
 * job's message as the event source mapping would, {@link #feed} hands it over as an SQS event.
 */
public class QueueWorker {
    private final EmulatedStack stack;
    private final LambdaHarness harness;
    private final String queueUrl;
    private final String queueArn;

    public QueueWorker(
            Class<?> application,
            EmulatedStack stack,
            String logicalId,
            String queueLogicalId,
            Map<String, String> overrides) {
        this.stack = stack;
        Map<String, String> env = new HashMap<>(stack.environment(logicalId));
        env.putAll(overrides);
        harness = LambdaHarness.start(application, env);
        queueUrl = stack.ref(queueLogicalId);
        queueArn = stack.attribute(queueLogicalId, "Arn");
    }

    /** The message naming {@code jobId}, received from {@code queueLogicalId}; others are given back. */
    public Message take(String queueLogicalId, String jobId) {
        var sqs = stack.clients().sqs();
        String url = stack.ref(queueLogicalId);
        for (int attempt = 0; attempt < 20; attempt++) {
            var messages = sqs.receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(60)
                            .messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            Message found = null;
            for (var m : messages) {
                if (found == null && m.body().contains(jobId)) found = m;
                else
                    sqs.changeMessageVisibility(c ->
                            c.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
            if (found != null) return found;
        }
        throw new AssertionError("no message for " + jobId + " in " + queueLogicalId);
    }

    /** Invokes the function with one message; the batchItemFailures it answered. */
    public List<String> feed(Message message) {
        return feed(message.messageId(), message.receiptHandle(), message.body(), 1);
    }

    public List<String> feed(String messageId, String receiptHandle, String body, int receiveCount) {
        var record = new LinkedHashMap<String, Object>();
        record.put("messageId", messageId);
        record.put("receiptHandle", receiptHandle);
        record.put("body", body);
        record.put("attributes", Map.of("ApproximateReceiveCount", Integer.toString(receiveCount)));
        record.put("messageAttributes", Map.of());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", queueArn);
        record.put("awsRegion", stack.region());
        byte[] event = Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
        try {
            JsonNode response = Json.mapper().readTree(harness.invoke(event));
            return response.path("batchItemFailures").findValuesAsText("itemIdentifier");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String queueUrl() {
        return queueUrl;
    }
}
