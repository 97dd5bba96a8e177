package dev.mana.stt.whisper;

import ai.onnxruntime.OrtException;

/**
 * The decoder over one window's encoder output, one token at a time. {@link #start} runs the
 * prompt; each {@link #next} appends a token and answers the logits for the position after it.
 */
interface TokenDecoder extends AutoCloseable {

    /** The logits at {@code prompt[markIndex]} and at the prompt's last position. */
    record PromptLogits(float[] atMark, float[] last) {}

    PromptLogits start(long[] prompt, int markIndex) throws OrtException;

    float[] next(long token) throws OrtException;

    @Override
    void close();
}
