package dev.mana.stt.vad;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.stt.testing.SharedAssets;
import dev.mana.stt.testing.WavFiles;
import dev.mana.stt.whisper.NumpyArrays;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SileroVadTest {

    private static SileroVad vad;
    private static float[] audio;
    private static float[] probabilities;

    @BeforeAll
    static void run() throws Exception {
        vad = SileroVad.load(SharedAssets.require("assets/silero-vad/silero_vad.onnx"));
        audio = WavFiles.readMono16k(SharedAssets.require("assets/silero-vad/test.wav"));
        probabilities = vad.probabilities(audio);
    }

    @AfterAll
    static void close() throws Exception {
        vad.close();
    }

    @Test
    void probabilities_matchTheReferenceRun() {
        float[] expected = NumpyArrays.readNpy(SharedAssets.require("fixtures/silero-vad/test_wav_probs.npy"))
                .data();

        assertThat(probabilities).hasSameSizeAs(expected);
        double maxError = 0;
        for (int i = 0; i < expected.length; i++) {
            maxError = Math.max(maxError, Math.abs(probabilities[i] - expected[i]));
        }
        assertThat(maxError).isLessThan(1e-3);
    }

    @Test
    void windows_ofAMinute_areAtMost30s_cutOutsideSpeech_andCoverAllSpeech() {
        List<SpeechRegion> regions = SpeechRegions.of(probabilities, audio.length);
        List<SpeechRegion> windows = AudioWindows.of(regions, probabilities);

        assertThat(windows).hasSizeGreaterThanOrEqualTo(2);
        assertThat(windows).allSatisfy(w -> assertThat(w.length()).isPositive().isLessThanOrEqualTo(30 * 16_000));
        for (int i = 1; i < windows.size(); i++) {
            assertThat(windows.get(i).start())
                    .isGreaterThanOrEqualTo(windows.get(i - 1).end());
        }
        // Every run of speech long enough to keep (>= 8 frames, 256 ms, at p >= 0.5) is inside a window.
        int run = 0;
        for (int f = 0; f < probabilities.length; f++) {
            run = probabilities[f] >= 0.5 ? run + 1 : 0;
            if (run >= 8) {
                int sample = f * SileroVad.FRAME + SileroVad.FRAME / 2;
                assertThat(windows)
                        .as("frame %d (%.2f s) is speech", f, sample / 16_000.0)
                        .anySatisfy(w -> assertThat(sample).isBetween(w.start(), w.end()));
            }
        }
    }

    @Test
    void silence_hasNoSpeechRegions() throws Exception {
        float[] silence = new float[5 * 16_000];

        assertThat(SpeechRegions.of(vad.probabilities(silence), silence.length)).isEmpty();
    }

    @Test
    void oneLongRegion_isCutAtItsQuietestFrame() {
        float[] probs = new float[70 * 16_000 / SileroVad.FRAME];
        java.util.Arrays.fill(probs, 0.95f);
        int quiet = 25 * 16_000 / SileroVad.FRAME;
        probs[quiet] = 0.1f;

        List<SpeechRegion> windows = AudioWindows.of(List.of(new SpeechRegion(0, 70 * 16_000)), probs);

        assertThat(windows.get(0).end()).isEqualTo(quiet * SileroVad.FRAME);
        assertThat(windows).allSatisfy(w -> assertThat(w.length()).isLessThanOrEqualTo(30 * 16_000));
        assertThat(windows.get(windows.size() - 1).end()).isEqualTo(70 * 16_000);
    }
}
