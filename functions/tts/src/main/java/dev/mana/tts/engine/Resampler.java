package dev.mana.tts.engine;

/**
 * Band-limited resampling by windowed sinc (Hann window, {@value #HALF_WIDTH} zero crossings a
 * side), enough for speech: espeak-ng speaks at 22,050 Hz and every engine here answers at 24,000
 * Hz. When going down the cut-off follows the new Nyquist frequency so nothing folds back. An
 * output sample falls at one of {@code to / gcd(from, to)} positions between input samples (160
 * for 22,050 to 24,000), so the filter is computed once per position and reused: computing the
 * sines per sample made this the slowest step of espeak-ng speech.
 */
public final class Resampler {

    static final int HALF_WIDTH = 16;
    /** More positions than this (unusual rate pairs) compute the filter per sample instead. */
    static final int MAX_PHASES = 4096;

    private Resampler() {}

    public static float[] resample(float[] input, int fromRate, int toRate) {
        if (fromRate == toRate || input.length == 0) return input.clone();
        int gcd = gcd(fromRate, toRate);
        long up = toRate / gcd;
        long down = fromRate / gcd;
        int outputLength = (int) Math.round((double) input.length * toRate / fromRate);
        double cutoff = Math.min(1.0, (double) toRate / fromRate);
        int reach = (int) Math.ceil(HALF_WIDTH / cutoff);
        double[][] table = up <= MAX_PHASES ? table((int) up, reach, cutoff) : null;
        float[] output = new float[outputLength];
        for (int i = 0; i < outputLength; i++) {
            long position = i * down;
            int base = (int) (position / up);
            int phase = (int) (position % up);
            double[] weights = table != null ? table[phase] : weights((double) phase / up, reach, cutoff);
            double sum = 0;
            int first = Math.max(0, base - reach + 1);
            int last = Math.min(input.length - 1, base + reach);
            for (int j = first; j <= last; j++) sum += input[j] * weights[j - base + reach - 1];
            output[i] = (float) sum;
        }
        return output;
    }

    private static double[][] table(int phases, int reach, double cutoff) {
        double[][] table = new double[phases][];
        for (int p = 0; p < phases; p++) table[p] = weights((double) p / phases, reach, cutoff);
        return table;
    }

    /** The weights of input samples base - reach + 1 ... base + reach for an output at base + fraction. */
    private static double[] weights(double fraction, int reach, double cutoff) {
        double[] weights = new double[2 * reach];
        for (int k = -reach + 1; k <= reach; k++) {
            double x = (fraction - k) * cutoff;
            weights[k + reach - 1] = sinc(x) * hann(x / HALF_WIDTH) * cutoff;
        }
        return weights;
    }

    private static double sinc(double x) {
        if (Math.abs(x) < 1e-9) return 1;
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static double hann(double x) {
        return Math.abs(x) >= 1 ? 0 : 0.5 + 0.5 * Math.cos(Math.PI * x);
    }

    private static int gcd(int a, int b) {
        return b == 0 ? a : gcd(b, a % b);
    }
}
