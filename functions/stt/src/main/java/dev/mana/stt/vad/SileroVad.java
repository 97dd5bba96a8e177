package dev.mana.stt.vad;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import dev.mana.stt.onnx.Device;
import dev.mana.stt.onnx.OnnxSessions;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Path;
import java.util.Map;

/**
 * Silero VAD (v5/v6 ONNX) at 16 kHz: one speech probability per 512-sample frame (32 ms). Each
 * call sees the last 64 samples of the previous frame before its 512 new ones and carries the
 * recurrent state, as the model's own Python and Java examples do. Thread-safe: each
 * {@link #probabilities} call keeps its own state.
 */
public final class SileroVad implements AutoCloseable {

    public static final int SAMPLE_RATE = 16_000;
    public static final int FRAME = 512;
    private static final int CONTEXT = 64;

    private final OrtEnvironment env = OnnxSessions.environment();
    private final OrtSession session;

    private SileroVad(OrtSession session) {
        this.session = session;
    }

    public static SileroVad load(Path onnx) throws OrtException {
        // A small recurrent model: one thread is fastest and leaves the cores to Whisper.
        return new SileroVad(OnnxSessions.open(onnx, Device.CPU, 1));
    }

    /** Speech probability of every whole 512-sample frame of 16 kHz mono {@code audio}. */
    public float[] probabilities(float[] audio) throws OrtException {
        int frames = audio.length / FRAME;
        float[] out = new float[frames];
        float[] input = new float[CONTEXT + FRAME];
        float[] state = new float[2 * 128];
        try (OnnxTensor sr = OnnxTensor.createTensor(env, LongBuffer.wrap(new long[] {SAMPLE_RATE}), new long[0])) {
            for (int f = 0; f < frames; f++) {
                System.arraycopy(input, FRAME, input, 0, CONTEXT);
                System.arraycopy(audio, f * FRAME, input, CONTEXT, FRAME);
                try (OnnxTensor in =
                                OnnxTensor.createTensor(env, FloatBuffer.wrap(input), new long[] {1, input.length});
                        OnnxTensor st = OnnxTensor.createTensor(env, FloatBuffer.wrap(state), new long[] {2, 1, 128});
                        OrtSession.Result result = session.run(Map.of("input", in, "state", st, "sr", sr))) {
                    out[f] = ((OnnxTensor) result.get("output").orElseThrow())
                            .getFloatBuffer()
                            .get(0);
                    ((OnnxTensor) result.get("stateN").orElseThrow())
                            .getFloatBuffer()
                            .get(state);
                }
            }
        }
        return out;
    }

    @Override
    public void close() throws OrtException {
        session.close();
    }
}
