package dev.mana.stt;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.stt.onnx.Device;
import dev.mana.stt.testing.SharedAssets;
import dev.mana.stt.testing.TestModel;
import dev.mana.stt.testing.WavFiles;
import dev.mana.stt.vad.SileroVad;
import dev.mana.stt.vad.SpeechRegion;
import dev.mana.stt.whisper.DecodeOptions;
import dev.mana.stt.whisper.WhisperModel;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Long audio through VAD windows on the committed test model: timing and stitching, not words. */
class TranscriberTest {

    private static WhisperModel model;
    private static SileroVad vad;
    private static ExecutorService pool;

    @BeforeAll
    static void load() throws Exception {
        model = WhisperModel.load(
                TestModel.directory(), List.of(SharedAssets.require("assets/whisper")), Device.CPU, 1);
        vad = SileroVad.load(SharedAssets.require("assets/silero-vad/silero_vad.onnx"));
        pool = Executors.newFixedThreadPool(2);
    }

    @AfterAll
    static void close() throws Exception {
        pool.shutdownNow();
        vad.close();
        model.close();
    }

    @Test
    void aMinuteOfSpeech_isCutIntoShortWindows_decodedInParallel_andStitchedInOrder() throws Exception {
        float[] audio = WavFiles.readMono16k(SharedAssets.require("assets/silero-vad/test.wav"));
        Transcriber transcriber = new Transcriber(model, vad, pool, 10);
        List<SpeechRegion> windows = transcriber.windows(audio);
        List<int[]> progress = new ArrayList<>();

        Transcript transcript = transcriber.transcribe(
                audio,
                windows,
                DecodeOptions.defaults().withLanguage(Optional.of("en")),
                (done, total) -> progress.add(new int[] {done, total}));

        assertThat(windows)
                .hasSizeGreaterThanOrEqualTo(6)
                .allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(10 * 16_000));
        assertThat(progress).hasSize(windows.size());
        assertThat(progress.get(progress.size() - 1)).containsExactly(windows.size(), windows.size());
        assertThat(transcript.durationSeconds()).isCloseTo(60.0, org.assertj.core.data.Offset.offset(0.1));
        assertThat(transcript.language()).isEqualTo("en");
        List<Segment> segments = transcript.segments();
        for (int i = 0; i < segments.size(); i++) {
            Segment s = segments.get(i);
            assertThat(s.id()).isEqualTo(i);
            assertThat(s.end()).isGreaterThanOrEqualTo(s.start()).isLessThanOrEqualTo(60.0);
            if (i > 0) {
                assertThat(s.start()).isGreaterThanOrEqualTo(segments.get(i - 1).end());
            }
            // Every segment lies inside the window it came from.
            assertThat(windows).anySatisfy(w -> {
                assertThat(s.start()).isGreaterThanOrEqualTo(w.startSeconds() - 1e-3);
                assertThat(s.end()).isLessThanOrEqualTo(w.endSeconds() + 1e-3);
            });
        }
    }

    @Test
    void silence_givesAnEmptyTranscript_withoutDecoding() throws Exception {
        Transcriber transcriber = new Transcriber(model, vad, pool, 30);
        List<int[]> progress = new ArrayList<>();

        Transcript transcript = transcriber.transcribe(
                new float[3 * 16_000], DecodeOptions.defaults(), (d, t) -> progress.add(new int[] {d, t}));

        assertThat(transcript.text()).isEmpty();
        assertThat(transcript.segments()).isEmpty();
        assertThat(progress).isEmpty();
    }
}
