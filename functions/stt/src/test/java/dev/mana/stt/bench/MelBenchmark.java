package dev.mana.stt.bench;

import dev.mana.stt.testing.WavFiles;
import dev.mana.stt.whisper.LogMelSpectrogram;
import dev.mana.stt.whisper.MelFilterBank;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Repeatable harness (not a test): Whisper log-mel of 30-second windows on one thread, after
 * warm-up; prints the median time per window and the real-time factor per core (audio seconds
 * per second of compute). Pin it with {@code taskset -c 0}.
 *
 * <p>Args: MEL_FILTERS_NPZ WAV_16K_MONO [bins=80] [warmup=200] [measured=300]
 */
public final class MelBenchmark {

    private MelBenchmark() {}

    public static void main(String[] args) throws IOException {
        int bins = args.length > 2 ? Integer.parseInt(args[2]) : 80;
        int warmup = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        int measured = args.length > 4 ? Integer.parseInt(args[4]) : 300;
        LogMelSpectrogram mel = new LogMelSpectrogram(MelFilterBank.load(Path.of(args[0]), bins));
        float[] audio = WavFiles.readMono16k(Path.of(args[1]));
        int length = Math.min(audio.length, LogMelSpectrogram.WINDOW_SAMPLES);
        double sink = 0;
        for (int i = 0; i < warmup; i++) {
            sink += mel.compute(audio, 0, length)[i % 1000];
        }
        double[] millis = new double[measured];
        for (int i = 0; i < measured; i++) {
            long t0 = System.nanoTime();
            sink += mel.compute(audio, 0, length)[i % 1000];
            millis[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(millis);
        double median = millis[measured / 2];
        double audioSeconds = length / (double) LogMelSpectrogram.SAMPLE_RATE;
        System.out.printf(
                "log-mel %d bins: %.1f s window, median %.2f ms (p90 %.2f), real-time factor %.0fx per core (sink %.1f)%n",
                bins, audioSeconds, median, millis[measured * 9 / 10], audioSeconds * 1000 / median, sink);
    }
}
