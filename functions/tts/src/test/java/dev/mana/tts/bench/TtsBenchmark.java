package dev.mana.tts.bench;

import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.audio.AudioFormat;
import dev.mana.tts.engine.SampleBuffer;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.kokoro.KokoroEngine;
import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.KokoroFixture;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Repeatable harness (not a test): per engine and text length, the time to the first audio (the
 * first chunk spoken, and that chunk encoded to MP3: the first byte a streamed answer could send)
 * and characters per second for the whole text spoken and encoded to MP3, the median of the
 * measured runs after warm-up, on one thread.
 *
 * <p>Args: [KOKORO_MODEL_DIR] [warmup=3] [runs=10]. Without a model directory Kokoro runs the
 * generated stand-in model (src/test/python/make_kokoro_test_model.py): its figures are the
 * pipeline around the network (normalisation, espeak-ng phonemes, ids, styles, ONNX Runtime
 * call, encoding), not Kokoro-82M's inference.
 */
public final class TtsBenchmark {

    static final String SENTENCE =
            "The lighthouse keeper climbed the stairs at 6:30 pm, counting 112 steps to the lamp.";
    static final String PARAGRAPH = (SENTENCE + " ") + "Below, the sea was calm and the boats were coming home. "
            + "He trimmed the wick, wiped the lens and wrote the weather in his log: wind from the west, 12 km/h. ";

    private TtsBenchmark() {}

    public static void main(String[] args) throws Exception {
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 10;
        Path model = args.length > 0 && !args[0].isBlank()
                ? Path.of(args[0])
                : KokoroFixture.modelDirectory(Files.createTempDirectory("kokoro-bench"));
        var codecs = AudioCodecs.fromEnvironment();
        var espeak = Engines.espeak();
        try (var kokoro = KokoroEngine.load(
                model, Engines.espeakNg(), Runtime.getRuntime().availableProcessors())) {
            System.out.printf("engine  chars  first-chunk-ms  first-mp3-byte-ms  total-ms  chars/s  audio-s%n");
            for (SpeechEngine engine : List.<SpeechEngine>of(espeak, kokoro)) {
                for (String text : List.of(SENTENCE, PARAGRAPH.repeat(4))) {
                    run(engine, text, codecs, warmup, runs);
                }
            }
        }
    }

    private static void run(SpeechEngine engine, String text, AudioCodecs codecs, int warmup, int runs) {
        double[] first = new double[runs];
        double[] firstByte = new double[runs];
        double[] total = new double[runs];
        double audioSeconds = 0;
        for (int i = -warmup; i < runs; i++) {
            long start = System.nanoTime();
            long[] firstAt = {0, 0};
            var all = new SampleBuffer();
            engine.speak(text, engine.defaultVoice(), 1.0, chunk -> {
                if (firstAt[0] == 0) {
                    firstAt[0] = System.nanoTime();
                    codecs.encode(chunk, SpeechEngine.SAMPLE_RATE, AudioFormat.MP3);
                    firstAt[1] = System.nanoTime();
                }
                all.append(chunk);
            });
            codecs.encode(all.toArray(), SpeechEngine.SAMPLE_RATE, AudioFormat.MP3);
            long end = System.nanoTime();
            if (i < 0) continue;
            first[i] = (firstAt[0] - start) / 1e6;
            // The streamed answer's first byte: the first chunk spoken, then encoded.
            firstByte[i] = (firstAt[1] - start) / 1e6;
            // The whole answer, less the extra encode of the first chunk the line above timed.
            total[i] = (end - start - (firstAt[1] - firstAt[0])) / 1e6;
            audioSeconds = all.size() / (double) SpeechEngine.SAMPLE_RATE;
        }
        double median = median(total);
        System.out.printf(
                "%-7s %6d %15.1f %18.1f %9.1f %8.0f %8.1f%n",
                engine.id(),
                text.length(),
                median(first),
                median(firstByte),
                median,
                text.length() / (median / 1000),
                audioSeconds);
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
