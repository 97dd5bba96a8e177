package dev.mana.stt.testing;

import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.QueueWorker;
import dev.mana.stt.SttApplication;
import java.util.HashMap;
import java.util.Map;
import software.amazon.awssdk.services.sqs.model.Message;

/** SttWorkerFunction in the test JVM (the models and assets as SttApi finds them), fed from SttQueue. */
public final class SttWorker extends QueueWorker {

    public SttWorker(EmulatedStack stack, Map<String, String> overrides) {
        super(SttApplication.class, stack, "SttWorkerFunction", "SttQueue", with(overrides));
    }

    private static Map<String, String> with(Map<String, String> overrides) {
        Map<String, String> env = new HashMap<>(SttApi.environment());
        env.putAll(overrides);
        return env;
    }

    public Message take(String jobId) {
        return take("SttQueue", jobId);
    }
}
