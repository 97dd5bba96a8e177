package dev.mana.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.mana.tts.testing.Signals;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class ResamplerTest {

    @Test
    void upsampling22050To24000_keepsLengthInSeconds_pitchAndLoudness() {
        float[] tone = Signals.sine(440, 2.0, 22_050);

        float[] resampled = Resampler.resample(tone, 22_050, 24_000);

        assertThat(resampled.length).isEqualTo(48_000);
        assertThat(Signals.frequency(resampled, 24_000)).isCloseTo(440, within(2.0));
        float[] middle = Arrays.copyOfRange(resampled, 1_000, 47_000);
        assertThat(Signals.rms(middle)).isCloseTo(0.5 / Math.sqrt(2), within(0.01));
    }

    @Test
    void downsampling_dropsWhatTheNewRateCannotCarry() {
        // 10 kHz is above 8 kHz audio's 4 kHz Nyquist frequency: it must not fold back as 2 kHz.
        float[] tone = Signals.sine(10_000, 1.0, 24_000);

        float[] resampled = Resampler.resample(tone, 24_000, 8_000);

        assertThat(resampled.length).isEqualTo(8_000);
        assertThat(Signals.rms(Arrays.copyOfRange(resampled, 200, 7_800))).isLessThan(0.02);
    }

    @Test
    void theSameRate_isACopy() {
        float[] tone = Signals.sine(440, 0.1, 24_000);

        assertThat(Resampler.resample(tone, 24_000, 24_000))
                .containsExactly(tone)
                .isNotSameAs(tone);
    }
}
