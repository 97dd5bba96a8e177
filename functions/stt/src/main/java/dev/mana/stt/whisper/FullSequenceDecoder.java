package dev.mana.stt.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.Arrays;
import java.util.Map;
import java.util.Set;

/**
 * Decoding without a KV cache, for exports that ship only {@code decoder_model.onnx}: every
 * step runs the decoder over the whole sequence so far and keeps only the logits.
 */
final class FullSequenceDecoder implements TokenDecoder {

    private final OrtEnvironment env;
    private final OrtSession decoder;
    private final OnnxTensor hidden;
    private long[] tokens = new long[0];

    FullSequenceDecoder(OrtEnvironment env, OrtSession decoder, OnnxTensor hidden) {
        this.env = env;
        this.decoder = decoder;
        this.hidden = hidden;
    }

    @Override
    public PromptLogits start(long[] prompt, int markIndex) throws OrtException {
        tokens = prompt.clone();
        try (OnnxTensor ids = DecoderTensors.ids(env, tokens);
                OrtSession.Result result = run(ids)) {
            return new PromptLogits(
                    DecoderTensors.logitsAt(result, markIndex), DecoderTensors.logitsAt(result, tokens.length - 1));
        }
    }

    @Override
    public float[] next(long token) throws OrtException {
        tokens = Arrays.copyOf(tokens, tokens.length + 1);
        tokens[tokens.length - 1] = token;
        try (OnnxTensor ids = DecoderTensors.ids(env, tokens);
                OrtSession.Result result = run(ids)) {
            return DecoderTensors.logitsAt(result, tokens.length - 1);
        }
    }

    private OrtSession.Result run(OnnxTensor ids) throws OrtException {
        return decoder.run(
                Map.of(DecoderTensors.INPUT_IDS, ids, DecoderTensors.ENCODER_HIDDEN_STATES, hidden),
                Set.of(DecoderTensors.LOGITS));
    }

    @Override
    public void close() {
        // The encoder output belongs to the caller; nothing else is held between steps.
    }
}
