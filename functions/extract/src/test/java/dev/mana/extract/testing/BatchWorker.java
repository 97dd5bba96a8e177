package dev.mana.extract.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.QueueWorker;
import dev.mana.extract.ExtractApplication;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** ExtractWorkerFunction or ExtractDeadLettersFunction in the test JVM, fed from its queue. */
public final class BatchWorker extends QueueWorker {

    public BatchWorker(EmulatedStack stack, String logicalId, String queueLogicalId, Map<String, String> overrides) {
        super(ExtractApplication.class, stack, logicalId, queueLogicalId, overrides);
    }

    public static BatchWorker worker(EmulatedStack stack, Map<String, String> overrides) {
        return new BatchWorker(stack, "ExtractWorkerFunction", "ExtractQueue", overrides);
    }

    public static BatchWorker deadLetters(EmulatedStack stack) {
        return new BatchWorker(stack, "ExtractDeadLettersFunction", "ExtractDeadLetterQueue", Map.of());
    }

    public Message take(String jobId) {
        return take("ExtractQueue", jobId);
    }
}
