package dev.mana.stt.whisper;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Whisper's mel filters (librosa's Slaney mel, 201 FFT bins), kept sparse: each filter is
 * non-zero on a short run of bins, so applying the bank costs a few hundred multiply-adds a
 * frame instead of {@code bins x 201}.
 */
public final class MelFilterBank {

    /** The file name Whisper ships the banks in (keys {@code mel_80} and {@code mel_128}). */
    public static final String FILE_NAME = "mel_filters.npz";

    private final int bins;
    private final int[] first;
    private final float[][] weights;

    private MelFilterBank(int bins, int[] first, float[][] weights) {
        this.bins = bins;
        this.first = first;
        this.weights = weights;
    }

    /** Loads the bank with {@code bins} filters (80 or 128) from a Whisper mel_filters.npz. */
    public static MelFilterBank load(Path npz, int bins) {
        if (!Files.isRegularFile(npz)) {
            throw new IllegalArgumentException("mel filter bank not found: " + npz);
        }
        Map<String, NumpyArrays.FloatArray> arrays = NumpyArrays.readNpz(npz);
        NumpyArrays.FloatArray dense = arrays.get("mel_" + bins);
        if (dense == null) {
            throw new IllegalArgumentException(npz + " has no mel_" + bins + " (has " + arrays.keySet() + ")");
        }
        return fromDense(dense.data(), dense.rows(), dense.columns());
    }

    static MelFilterBank fromDense(float[] dense, int rows, int columns) {
        int[] first = new int[rows];
        float[][] weights = new float[rows][];
        for (int m = 0; m < rows; m++) {
            int lo = 0;
            int hi = columns - 1;
            while (lo < columns && dense[m * columns + lo] == 0f) {
                lo++;
            }
            while (hi > lo && dense[m * columns + hi] == 0f) {
                hi--;
            }
            first[m] = Math.min(lo, columns);
            weights[m] = new float[Math.max(0, hi - lo + 1)];
            for (int k = 0; k < weights[m].length; k++) {
                weights[m][k] = dense[m * columns + lo + k];
            }
        }
        return new MelFilterBank(rows, first, weights);
    }

    public int bins() {
        return bins;
    }

    /** The energy of filter {@code m} over one frame's power spectrum. */
    double apply(int m, double[] power) {
        float[] w = weights[m];
        int offset = first[m];
        double sum = 0;
        for (int k = 0; k < w.length; k++) {
            sum += w[k] * power[offset + k];
        }
        return sum;
    }
}
