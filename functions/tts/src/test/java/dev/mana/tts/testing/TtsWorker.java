package dev.mana.tts.testing;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.LambdaHarness;
import dev.mana.platform.Json;
import dev.mana.tts.TtsApplication;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * TtsWorkerFunction in the test JVM through Lambda's invoker, and TtsQueue: {@link #take} receives
 * a job's message as the event source mapping would, {@link #feed} hands it over as an SQS event.
 */
public final class TtsWorker {
    private final EmulatedStack stack;
    private final LambdaHarness harness;

    public TtsWorker(EmulatedStack stack, Map<String, String> overrides) {
        this.stack = stack;
        Map<String, String> env = new HashMap<>(stack.environment("TtsWorkerFunction"));
        env.putAll(overrides);
        harness = LambdaHarness.start(TtsApplication.class, env);
    }

    public Message take(String jobId) {
        var sqs = stack.clients().sqs();
        String url = stack.ref("TtsQueue");
        for (int attempt = 0; attempt < 20; attempt++) {
            for (var m : sqs.receiveMessage(r -> r.queueUrl(url)
                            .maxNumberOfMessages(10)
                            .waitTimeSeconds(1)
                            .visibilityTimeout(60))
                    .messages()) {
                if (m.body().contains(jobId)) return m;
                sqs.changeMessageVisibility(
                        c -> c.queueUrl(url).receiptHandle(m.receiptHandle()).visibilityTimeout(0));
            }
        }
        throw new AssertionError("no message for " + jobId + " in TtsQueue");
    }

    /** Invokes the worker with one message; the batchItemFailures it answered. */
    public List<String> feed(Message message) {
        var record = new LinkedHashMap<String, Object>();
        record.put("messageId", message.messageId());
        record.put("receiptHandle", message.receiptHandle());
        record.put("body", message.body());
        record.put("attributes", Map.of("ApproximateReceiveCount", "1"));
        record.put("messageAttributes", Map.of());
        record.put("eventSource", "aws:sqs");
        record.put("eventSourceARN", stack.attribute("TtsQueue", "Arn"));
        record.put("awsRegion", stack.region());
        byte[] event = Json.write(Map.of("Records", List.of(record))).getBytes(StandardCharsets.UTF_8);
        try {
            JsonNode response = Json.mapper().readTree(harness.invoke(event));
            return response.path("batchItemFailures").findValuesAsText("itemIdentifier");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
