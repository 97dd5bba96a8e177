package dev.mana.stt.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;

/** Tensor plumbing the decoders share: token ids in, rows of logits out. */
final class DecoderTensors {

    static final String INPUT_IDS = "input_ids";
    static final String ENCODER_HIDDEN_STATES = "encoder_hidden_states";
    static final String LOGITS = "logits";

    private DecoderTensors() {}

    static OnnxTensor ids(OrtEnvironment env, long... ids) throws OrtException {
        return OnnxTensor.createTensor(env, LongBuffer.wrap(ids), new long[] {1, ids.length});
    }

    /** Row {@code position} of the {@code [1, seq, vocab]} logits. */
    static float[] logitsAt(OrtSession.Result result, int position) {
        OnnxTensor logits = (OnnxTensor) result.get(LOGITS).orElseThrow();
        long[] shape = logits.getInfo().getShape();
        int vocab = (int) shape[2];
        FloatBuffer all = logits.getFloatBuffer();
        float[] row = new float[vocab];
        all.position(position * vocab);
        all.get(row);
        return row;
    }
}
