package dev.mana.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.stt.testing.SharedAssets;
import dev.mana.stt.testing.WavFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LogMelSpectrogramTest {

    @Test
    void jfk80Bins_matchesWhisperReferenceWithin1e3() throws Exception {
        Path reference = SharedAssets.require("fixtures/whisper-mel/jfk_mel80.npy");
        float[] audio = WavFiles.readMono16k(SharedAssets.require("assets/speech-samples/jfk.wav"));
        LogMelSpectrogram mel = new LogMelSpectrogram(MelFilterBank.load(SharedAssets.melFilters(), 80));

        float[] got = mel.compute(audio);

        NumpyArrays.FloatArray expected = NumpyArrays.readNpy(reference);
        assertThat(expected.shape()).containsExactly(80, 3000);
        assertThat(got).hasSameSizeAs(expected.data());
        double maxError = 0;
        for (int i = 0; i < got.length; i++) {
            maxError = Math.max(maxError, Math.abs(got[i] - expected.data()[i]));
        }
        assertThat(maxError).isLessThanOrEqualTo(1e-3);
    }

    @Test
    void bank128_givesLargeV3Shape_andSilenceIsFlat() {
        LogMelSpectrogram mel = new LogMelSpectrogram(MelFilterBank.load(SharedAssets.melFilters(), 128));

        float[] got = mel.compute(new float[16_000]);

        assertThat(got).hasSize(128 * 3000);
        // All-zero audio: every energy clamps to 1e-10, so every value is (-10 + 4) / 4.
        assertThat(got).containsOnly(-1.5f);
    }

    @Test
    void windowLongerThan30s_isRejected() {
        LogMelSpectrogram mel = new LogMelSpectrogram(MelFilterBank.load(SharedAssets.melFilters(), 80));
        float[] audio = new float[LogMelSpectrogram.WINDOW_SAMPLES + 1];

        assertThatThrownBy(() -> mel.compute(audio, 0, audio.length)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void unknownBankSize_isRejectedWithTheKeysPresent() {
        assertThatThrownBy(() -> MelFilterBank.load(SharedAssets.melFilters(), 64))
                .hasMessageContaining("mel_64")
                .hasMessageContaining("mel_80");
    }
}
