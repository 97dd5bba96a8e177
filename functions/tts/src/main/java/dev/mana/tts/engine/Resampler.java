package dev.mana.tts.engine;

/**
 * Band-limited resampling by windowed sinc (Hann window, {@value #HALF_WIDTH} taps a side), enough
 * for speech: espeak-ng speaks at 22,050 Hz and every engine here answers at 24,000 Hz. When
 * going down the cut-off follows the new Nyquist frequency so nothing folds back.
 */
public final class Resampler {

    static final int HALF_WIDTH = 16;

    private Resampler() {}

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate || input.length == 0) return input.clone();
        int outputLength = (int) Math.round((double) input.length * toRate / fromRate);
        double step = (double) fromRate / toRate;
        double cutoff = Math.min(1.0, (double) toRate / fromRate);
        double reach = HALF_WIDTH / cutoff;
        float[] output = new float[outputLength];
        for (int i = 0; i < outputLength; i++) {
            double t = i * step;
            int first = Math.max(0, (int) Math.ceil(t - reach));
            int last = Math.min(input.length - 1, (int) Math.floor(t + reach));
            double sum = 0;
            for (int j = first; j <= last; j++) {
                double x = (t - j) * cutoff;
                sum += input[j] * sinc(x) * hann(x / HALF_WIDTH);
            }
            output[i] = (float) (sum * cutoff);
        }
        return output;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-9) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double hann(double x) {
        return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
    }
}
