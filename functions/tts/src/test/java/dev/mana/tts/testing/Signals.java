package dev.mana.tts.testing;

/** Measures of audio a listener would notice: loudness, length, pitch. */
public final class Signals {
    private Signals() {}

    public static double rms(float[] samples) {
        double sum = 0;
        for (float s : samples) sum += s * s;
        return samples.length == 0 ? 0 : Math.sqrt(sum / samples.length);
    }

    public static double seconds(float[] samples, int sampleRate) {
        return (double) samples.length / sampleRate;
    }

    public static float[] sine(double hertz, double seconds, int sampleRate) {
        float[] samples = new float[(int) Math.round(seconds * sampleRate)];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = (float) (0.5 * Math.sin(2 * Math.PI * hertz * i / sampleRate));
        }
        return samples;
    }

    /** The frequency of a pure tone, from its upward zero crossings. */
    public static double frequency(float[] samples, int sampleRate) {
        int crossings = 0;
        for (int i = 1; i < samples.length; i++) {
            if (samples[i - 1] < 0 && samples[i] >= 0) crossings++;
        }
        return crossings / seconds(samples, sampleRate);
    }
}
