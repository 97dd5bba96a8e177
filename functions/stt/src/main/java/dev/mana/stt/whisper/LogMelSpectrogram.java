package dev.mana.stt.whisper;

import org.jtransforms.fft.FloatFFT_1D;

/**
 * Whisper's log-mel features of one 30-second window, exactly as {@code whisper/audio.py}
 * computes them: 16 kHz mono audio followed by zeros, a 400-point STFT every 160 samples with a
 * periodic Hann window and centred frames (reflect padding of 200 at the start), the power of
 * the 201 bins, the mel filters, {@code log10(max(x, 1e-10))}, a floor at the window's maximum
 * minus 8, then {@code (x + 4) / 4}. The result is row-major {@code [bins][3000]}, the encoder's
 * {@code input_features} for one item.
 *
 * <p>Thread-safe: every call works on its own buffers.
 */
public final class LogMelSpectrogram {

    public static final int SAMPLE_RATE = 16_000;
    public static final int N_FFT = 400;
    public static final int HOP = 160;
    public static final int FRAMES = 3000;
    /** Samples in one window: 30 s. */
    public static final int WINDOW_SAMPLES = FRAMES * HOP;

    private static final int SPECTRUM_BINS = N_FFT / 2 + 1;
    private static final float[] HANN = periodicHann();

    private final MelFilterBank filters;

    public LogMelSpectrogram(MelFilterBank filters) {
        this.filters = filters;
    }

    public int bins() {
        return filters.bins();
    }

    /** Features of the first 30 s of {@code audio} (zero-padded when shorter). */
    public float[] compute(float[] audio) {
        return compute(audio, 0, Math.min(audio.length, WINDOW_SAMPLES));
    }

    /** Features of {@code audio[offset, offset + length)}, at most 30 s, zero-padded. */
    public float[] compute(float[] audio, int offset, int length) {
        if (length > WINDOW_SAMPLES || offset < 0 || offset + length > audio.length) {
            throw new IllegalArgumentException("a window holds at most 30 s of audio inside the array");
        }
        int bins = filters.bins();
        float[] out = new float[bins * FRAMES];
        FloatFFT_1D fft = new FloatFFT_1D(N_FFT);
        float[] frame = new float[N_FFT];
        double[] power = new double[SPECTRUM_BINS];
        double max = Double.NEGATIVE_INFINITY;
        // Frames wholly in the zero padding after the audio have no energy: every filter clamps
        // to 1e-10 (log -10). Short windows (most VAD windows) skip their FFTs.
        int silentFrom = Math.min(FRAMES, Math.max(0, (length + N_FFT / 2 + HOP - 1) / HOP));
        for (int t = silentFrom; t < FRAMES; t++) {
            for (int m = 0; m < bins; m++) {
                out[m * FRAMES + t] = -10f;
            }
        }
        if (silentFrom < FRAMES) {
            max = -10.0;
        }
        for (int t = 0; t < silentFrom; t++) {
            int start = t * HOP - N_FFT / 2;
            for (int n = 0; n < N_FFT; n++) {
                frame[n] = sample(audio, offset, length, start + n) * HANN[n];
            }
            fft.realForward(frame);
            power[0] = (double) frame[0] * frame[0];
            power[N_FFT / 2] = (double) frame[1] * frame[1];
            for (int k = 1; k < N_FFT / 2; k++) {
                double re = frame[2 * k];
                double im = frame[2 * k + 1];
                power[k] = re * re + im * im;
            }
            for (int m = 0; m < bins; m++) {
                double logEnergy = Math.log10(Math.max(filters.apply(m, power), 1e-10));
                out[m * FRAMES + t] = (float) logEnergy;
                max = Math.max(max, logEnergy);
            }
        }
        float floor = (float) (max - 8.0);
        for (int i = 0; i < out.length; i++) {
            out[i] = (Math.max(out[i], floor) + 4f) / 4f;
        }
        return out;
    }

    /** The padded signal: reflected before the start, zeros after the end. */
    private static float sample(float[] audio, int offset, int length, int index) {
        int i = index < 0 ? -index : index;
        return i < length ? audio[offset + i] : 0f;
    }

    private static float[] periodicHann() {
        float[] window = new float[N_FFT];
        for (int n = 0; n < N_FFT; n++) {
            window[n] = (float) (0.5 - 0.5 * Math.cos(2 * Math.PI * n / N_FFT));
        }
        return window;
    }
}
