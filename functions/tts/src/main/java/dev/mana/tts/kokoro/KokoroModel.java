package dev.mana.tts.kokoro;

import ai.onnxruntime.OnnxJavaType;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import java.nio.FloatBuffer;
import java.nio.IntBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Kokoro-82M's ONNX graph in ONNX Runtime. Two exports are in use: hexgrad's ({@code input_ids},
 * {@code style}, {@code speed}; outputs {@code waveform}, {@code duration}) and kokoro-onnx's
 * release ({@code tokens} for the ids); both take {@code [1, n+2]} int64 ids padded with 0 at each
 * end, a {@code [1, 256]} style and a one-element speed, float32 in both (an int32 speed is fed as
 * int32). The first output is the 24 kHz waveform.
 */
public final class KokoroModel implements AutoCloseable {

    public static final int MAX_TOKENS = 510;

    private final OrtEnvironment environment = OrtEnvironment.getEnvironment();
    private final OrtSession session;
    private final String idsInput;
    private final boolean intSpeed;

    public KokoroModel(Path file, int threads) {
        try {
            var options = new OrtSession.SessionOptions();
            options.setIntraOpNumThreads(threads);
            options.setOptimizationLevel(OrtSession.SessionOptions.OptLevel.ALL_OPT);
            session = environment.createSession(file.toString(), options);
            var inputs = session.getInputInfo();
            idsInput = inputs.containsKey("input_ids") ? "input_ids" : "tokens";
            for (String name : new String[] {idsInput, "style", "speed"}) {
                if (!inputs.containsKey(name)) throw new IllegalArgumentException(file + " has no input " + name);
            }
            var speed = (TensorInfo) inputs.get("speed").getInfo();
            intSpeed = speed.type == OnnxJavaType.INT32;
        } catch (OrtException e) {
            throw new IllegalStateException("cannot load the Kokoro model " + file, e);
        }
    }

    /** The waveform for {@code tokens} (at most 510, pads not included) in {@code style} at {@code speed}. */
    public float[] run(long[] tokens, float[] style, float speed) {
        if (tokens.length == 0 || tokens.length > MAX_TOKENS) {
            throw new IllegalArgumentException("1 to " + MAX_TOKENS + " tokens, not " + tokens.length);
        }
        long[] padded = new long[tokens.length + 2];
        System.arraycopy(tokens, 0, padded, 1, tokens.length);
        var feeds = new HashMap<String, OnnxTensor>();
        try {
            feeds.put(
                    idsInput,
                    OnnxTensor.createTensor(environment, LongBuffer.wrap(padded), new long[] {1, padded.length}));
            feeds.put("style", OnnxTensor.createTensor(environment, FloatBuffer.wrap(style), new long[] {1, style.length
            }));
            feeds.put(
                    "speed",
                    intSpeed
                            ? OnnxTensor.createTensor(
                                    environment, IntBuffer.wrap(new int[] {Math.round(speed)}), new long[] {1})
                            : OnnxTensor.createTensor(
                                    environment, FloatBuffer.wrap(new float[] {speed}), new long[] {1}));
            try (OrtSession.Result result = session.run(Map.copyOf(feeds))) {
                var waveform = (OnnxTensor) result.get(0);
                FloatBuffer samples = waveform.getFloatBuffer();
                float[] out = new float[samples.remaining()];
                samples.get(out);
                return out;
            }
        } catch (OrtException e) {
            throw new IllegalStateException("Kokoro inference failed", e);
        } finally {
            feeds.values().forEach(OnnxTensor::close);
        }
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
