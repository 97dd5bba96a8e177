package dev.mana.stt.whisper;

import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import java.util.HashMap;
import java.util.Map;

/**
 * Decoding with the KV cache, Optimum's split layout: {@code decoder_model.onnx} runs the prompt
 * and returns every layer's self-attention keys/values and the cross-attention keys/values of
 * the encoder output; {@code decoder_with_past_model.onnx} then takes one token and the cache
 * and returns the grown self-attention cache. The cross-attention cache is computed once a window.
 */
final class CachedDecoder implements TokenDecoder {

    private final OrtEnvironment env;
    private final OrtSession first;
    private final OrtSession withPast;
    private final OnnxTensor hidden;
    private final int layers;
    private OrtSession.Result prompt;
    private OrtSession.Result step;

    CachedDecoder(OrtEnvironment env, OrtSession first, OrtSession withPast, OnnxTensor hidden, int layers) {
        this.env = env;
        this.first = first;
        this.withPast = withPast;
        this.hidden = hidden;
        this.layers = layers;
    }

    @Override
    public PromptLogits start(long[] ids, int markIndex) throws OrtException {
        closeResults();
        try (OnnxTensor input = DecoderTensors.ids(env, ids)) {
            prompt = first.run(Map.of(DecoderTensors.INPUT_IDS, input, DecoderTensors.ENCODER_HIDDEN_STATES, hidden));
        }
        return new PromptLogits(
                DecoderTensors.logitsAt(prompt, markIndex), DecoderTensors.logitsAt(prompt, ids.length - 1));
    }

    @Override
    public float[] next(long token) throws OrtException {
        OrtSession.Result selfCache = step != null ? step : prompt;
        Map<String, OnnxTensor> inputs = new HashMap<>();
        for (int i = 0; i < layers; i++) {
            for (String part : new String[] {"decoder.key", "decoder.value"}) {
                inputs.put("past_key_values." + i + "." + part, tensor(selfCache, "present." + i + "." + part));
            }
            for (String part : new String[] {"encoder.key", "encoder.value"}) {
                inputs.put("past_key_values." + i + "." + part, tensor(prompt, "present." + i + "." + part));
            }
        }
        OrtSession.Result next;
        try (OnnxTensor input = DecoderTensors.ids(env, token)) {
            inputs.put(DecoderTensors.INPUT_IDS, input);
            next = withPast.run(inputs);
        }
        if (step != null) {
            step.close();
        }
        step = next;
        return DecoderTensors.logitsAt(step, 0);
    }

    private static OnnxTensor tensor(OrtSession.Result result, String name) {
        OnnxValue value =
                result.get(name).orElseThrow(() -> new IllegalStateException("the decoder has no output " + name));
        return (OnnxTensor) value;
    }

    private void closeResults() {
        if (step != null) {
            step.close();
            step = null;
        }
        if (prompt != null) {
            prompt.close();
            prompt = null;
        }
    }

    @Override
    public void close() {
        closeResults();
    }
}
