package dev.mana.stt;

import ai.onnxruntime.OrtException;
import dev.mana.stt.vad.AudioWindows;
import dev.mana.stt.vad.SileroVad;
import dev.mana.stt.vad.SpeechRegion;
import dev.mana.stt.vad.SpeechRegions;
import dev.mana.stt.whisper.DecodeOptions;
import dev.mana.stt.whisper.WhisperModel;
import dev.mana.stt.whisper.WindowDecoder;
import dev.mana.stt.whisper.WindowResult;
import dev.mana.stt.whisper.WindowSegments;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;

/**
 * Transcribes audio of any length: Silero VAD finds the speech, which is grouped into windows of
 * at most 30 s cut at silences; the first window fixes the language (when none is given), the
 * others are decoded in parallel on {@code pool}; their segments are stitched in order with
 * times from the start of the audio.
 */
public final class Transcriber {

    /** Told after each window, e.g. to record a job's progress. */
    public interface Progress {
        void windowDone(int done, int total);
    }

    private final WhisperModel model;
    private final SileroVad vad;
    private final WindowDecoder decoder;
    private final ExecutorService pool;
    private final int maxWindowSamples;

    /** @param maxWindowSeconds audio the model hears per window (Whisper: 30) */
    public Transcriber(WhisperModel model, SileroVad vad, ExecutorService pool, double maxWindowSeconds) {
        this.model = model;
        this.vad = vad;
        this.decoder = new WindowDecoder(model);
        this.pool = pool;
        this.maxWindowSamples = (int) Math.min(AudioWindows.MAX_SAMPLES, maxWindowSeconds * SileroVad.SAMPLE_RATE);
    }

    public WhisperModel model() {
        return model;
    }

    /** The speech windows of 16 kHz mono {@code audio}; empty when it holds no speech. */
    public List<SpeechRegion> windows(float[] audio) throws OrtException {
        float[] probabilities = vad.probabilities(audio);
        return AudioWindows.of(SpeechRegions.of(probabilities, audio.length), probabilities, maxWindowSamples);
    }

    public Transcript transcribe(float[] audio, DecodeOptions options, Progress progress) throws OrtException {
        return transcribe(audio, windows(audio), options, progress);
    }

    public Transcript transcribe(float[] audio, List<SpeechRegion> windows, DecodeOptions options, Progress progress)
            throws OrtException {
        double duration = audio.length / (double) SileroVad.SAMPLE_RATE;
        if (windows.isEmpty()) {
            return new Transcript("", options.language().orElse("en"), duration, List.of());
        }
        WindowResult[] results = new WindowResult[windows.size()];
        results[0] = decode(audio, windows.get(0), options);
        progress.windowDone(1, windows.size());
        DecodeOptions rest = options.withLanguage(Optional.of(results[0].language()));
        List<Future<WindowResult>> futures = new ArrayList<>();
        for (SpeechRegion window : windows.subList(1, windows.size())) {
            futures.add(pool.submit(() -> decode(audio, window, rest)));
        }
        for (int i = 0; i < futures.size(); i++) {
            results[i + 1] = await(futures.get(i));
            progress.windowDone(i + 2, windows.size());
        }
        List<Segment> segments = new ArrayList<>();
        for (int i = 0; i < results.length; i++) {
            SpeechRegion w = windows.get(i);
            for (Segment s : WindowSegments.of(
                    results[i], model.tokenizer(), w.startSeconds(), w.endSeconds() - w.startSeconds())) {
                segments.add(s.withId(segments.size()));
            }
        }
        String text =
                segments.stream().map(Segment::text).reduce("", String::concat).strip();
        return new Transcript(text, results[0].language(), duration, List.copyOf(segments));
    }

    private WindowResult decode(float[] audio, SpeechRegion window, DecodeOptions options) throws OrtException {
        return decoder.decode(audio, window.start(), window.length(), options);
    }

    private static WindowResult await(Future<WindowResult> future) throws OrtException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while transcribing", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof OrtException ort) {
                throw ort;
            }
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
