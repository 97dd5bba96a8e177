package dev.mana.tts.engine;

import java.util.Arrays;

/** A growable array of float samples: chunks appended in order, read back as one array. */
public final class SampleBuffer {
    private float[] samples = new float[SpeechEngine.SAMPLE_RATE];
    private int size;

    public void append(float[] chunk) {
        if (size + chunk.length > samples.length) {
            samples = Arrays.copyOf(samples, Math.max(samples.length * 2, size + chunk.length));
        }
        System.arraycopy(chunk, 0, samples, size, chunk.length);
        size += chunk.length;
    }

    public int size() {
        return size;
    }

    public float[] toArray() {
        return Arrays.copyOf(samples, size);
    }
}
