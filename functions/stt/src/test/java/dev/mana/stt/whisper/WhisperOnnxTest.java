package dev.mana.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.stt.onnx.Device;
import dev.mana.stt.testing.RandomWhisper;
import dev.mana.stt.testing.SharedAssets;
import dev.mana.stt.testing.WavFiles;
import dev.mana.stt.text.WhisperLanguages;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The ONNX plumbing on a random Whisper-shaped model: what it says is noise, how it runs is not. */
class WhisperOnnxTest {

    private static WhisperModel model;
    private static float[] jfk;

    @BeforeAll
    static void load() throws Exception {
        Path dir = RandomWhisper.directory();
        Path assets = SharedAssets.require("assets/whisper");
        model = WhisperModel.load(dir, List.of(assets), Device.CPU, 1);
        jfk = WavFiles.readMono16k(SharedAssets.require("assets/speech-samples/jfk.wav"));
    }

    @AfterAll
    static void close() throws Exception {
        if (model != null) {
            model.close();
        }
    }

    @Test
    void kvCacheDecoding_givesTheSameTokensAsFullSequenceDecoding() throws Exception {
        assertThat(model.hasKvCache()).isTrue();
        WindowDecoder decoder = new WindowDecoder(model);
        DecodeOptions greedy =
                DecodeOptions.defaults().withLanguage(Optional.of("en")).withStartTemperature(0);
        DecodeOptions once = new DecodeOptions(greedy.language(), false, false, "", List.of(0.0), 2.4, -1.0, 0.6, true);

        WindowResult cached = decoder.decode(jfk, 0, jfk.length, once);
        WindowResult full = decoder.decode(jfk, 0, jfk.length, once.withCache(false));

        assertThat(cached.tokens()).isNotEmpty().isEqualTo(full.tokens());
        assertThat(cached.avgLogprob()).isCloseTo(full.avgLogprob(), org.assertj.core.data.Offset.offset(1e-3));
        assertThat(cached.tokens()).allMatch(id -> id < model.tokenizer().endOfText());
    }

    @Test
    void timestampMode_emitsOnlyOrderedTimestampPairs() throws Exception {
        WindowDecoder decoder = new WindowDecoder(model);
        DecodeOptions options =
                new DecodeOptions(Optional.of("en"), false, true, "", List.of(0.0), 2.4, -1.0, 0.6, true);

        WindowResult result = decoder.decode(jfk, 0, jfk.length, options);

        // A random model cannot say much, but whatever it says obeys Whisper's timestamp rules.
        var tokenizer = model.tokenizer();
        assertThat(result.tokens()).isNotEmpty();
        assertThat(tokenizer.isTimestamp(result.tokens().get(0))).isTrue();
        assertThat(tokenizer.timestampSeconds(result.tokens().get(0))).isLessThanOrEqualTo(1.0);
        int previous = -1;
        for (int id : result.tokens()) {
            if (tokenizer.isTimestamp(id)) {
                assertThat(id).isGreaterThanOrEqualTo(previous);
                previous = id;
            }
        }
    }

    @Test
    void withoutLanguage_detectsOneOfWhispersLanguages() throws Exception {
        WindowDecoder decoder = new WindowDecoder(model);
        DecodeOptions options =
                new DecodeOptions(Optional.empty(), false, false, "", List.of(0.0), 2.4, -1.0, 0.6, true);

        WindowResult result = decoder.decode(jfk, 0, 16_000, options);

        assertThat(WhisperLanguages.CODES.subList(0, model.tokenizer().languageCount()))
                .contains(result.language());
    }

    @Test
    void encoderOutputLength_isReadFromTheModel_notAssumed() throws Exception {
        try (var hidden = model.encode(model.mel().compute(jfk))) {
            // The random model's encoder has 750 positions, not Whisper's 1500.
            assertThat(hidden.getInfo().getShape())
                    .containsExactly(1, 750, model.config().dModel());
        }
    }
}
