package dev.mana.stt.bench;

import dev.mana.platform.audio.AudioCodecs;
import dev.mana.stt.Transcriber;
import dev.mana.stt.Transcript;
import dev.mana.stt.models.ModelManifest;
import dev.mana.stt.onnx.Device;
import dev.mana.stt.vad.SileroVad;
import dev.mana.stt.whisper.DecodeOptions;
import dev.mana.stt.whisper.WhisperModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Repeatable harness (not a test): the worker's whole path on one file (FFmpeg decode to 16 kHz,
 * Silero VAD, windows decoded in parallel by the Whisper model, stitching), after warm-up.
 * Prints the median wall time, the real-time factor (audio seconds per second), and the
 * process's peak resident memory (VmHWM: Java heap plus ONNX Runtime's native memory).
 *
 * <p>Args: MODEL_DIR ASSET_DIR,ASSET_DIR AUDIO_FILE [threads=2] [runs=5]
 */
public final class TranscribeBenchmark {

    private TranscribeBenchmark() {}

    public static void main(String[] args) throws Exception {
        Path modelDir = Path.of(args[0]);
        List<Path> assets = Arrays.stream(args[1].split(",")).map(Path::of).toList();
        Path audioFile = Path.of(args[2]);
        int threads = args.length > 3 ? Integer.parseInt(args[3]) : 2;
        int runs = args.length > 4 ? Integer.parseInt(args[4]) : 5;
        ModelManifest manifest = ModelManifest.read(modelDir.resolve(ModelManifest.FILE_NAME));
        AudioCodecs codecs = AudioCodecs.fromEnvironment();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        Path vadFile = assets.stream()
                .map(d -> d.resolve("silero_vad.onnx"))
                .filter(Files::isRegularFile)
                .findFirst()
                .orElseThrow();
        try (WhisperModel model = WhisperModel.load(modelDir, assets, Device.CPU, 1);
                SileroVad vad = SileroVad.load(vadFile)) {
            Transcriber transcriber = new Transcriber(model, vad, pool, manifest.maxWindowSeconds());
            DecodeOptions options = DecodeOptions.defaults().withLanguage(Optional.of("en"));
            double[] seconds = new double[runs];
            Transcript last = null;
            double audioSeconds = 0;
            int windows = 0;
            for (int i = -2; i < runs; i++) { // two warm-up runs
                long t0 = System.nanoTime();
                float[] audio = codecs.decodeMono(audioFile, 16_000);
                var cut = transcriber.windows(audio);
                last = transcriber.transcribe(audio, cut, options, (d, t) -> {});
                if (i >= 0) {
                    seconds[i] = (System.nanoTime() - t0) / 1e9;
                }
                audioSeconds = audio.length / 16_000.0;
                windows = cut.size();
            }
            Arrays.sort(seconds);
            double median = seconds[runs / 2];
            System.out.printf(
                    "%s: %.1f s of audio, %d windows, %d threads: median %.2f s, real-time factor %.1fx, peak RSS %s%n",
                    manifest.name(), audioSeconds, windows, threads, median, audioSeconds / median, peakRss());
            System.out.println("text: " + last.text());
        } finally {
            pool.shutdownNow();
        }
    }

    private static String peakRss() throws Exception {
        return Files.readAllLines(Path.of("/proc/self/status")).stream()
                .filter(l -> l.startsWith("VmHWM"))
                .map(l -> l.replaceAll("\\s+", " ").substring(7))
                .findFirst()
                .orElse("?");
    }
}
