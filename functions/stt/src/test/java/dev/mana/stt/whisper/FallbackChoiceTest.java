package dev.mana.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class FallbackChoiceTest {

    private static WindowResult attempt(double temperature, double avgLogprob, double compressionRatio) {
        return new WindowResult(
                List.of(), "t" + temperature, "en", avgLogprob, compressionRatio, 0.1, temperature, false);
    }

    @Test
    void whenEveryTemperatureFails_theLikeliestAttemptIsKept_notTheLast() {
        DecodeOptions options = DecodeOptions.defaults();
        WindowResult best = null;
        for (WindowResult r : List.of(attempt(0.0, -1.2, 1.5), attempt(0.2, -1.6, 1.4), attempt(1.0, -2.5, 1.3))) {
            best = WindowDecoder.better(best, r, options);
        }

        assertThat(best.temperature()).isEqualTo(0.0);
    }

    @Test
    void aRepetitiveAttempt_losesToAnyOther_howeverLikely() {
        DecodeOptions options = DecodeOptions.defaults();

        WindowResult best = WindowDecoder.better(attempt(0.0, -0.2, 3.0), attempt(0.2, -1.5, 1.2), options);

        assertThat(best.temperature()).isEqualTo(0.2);
    }
}
