package dev.mana.tts.kokoro;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.tts.testing.Engines;
import dev.mana.tts.testing.KokoroFixture;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Phonemes and ids against expected-ids.tsv, computed apart by src/test/python/expected_kokoro_ids.py. */
class KokoroPhonemizerTest {

    @Test
    void sentences_becomeTheExpectedPhonemes_andTokenIds() {
        var vocab = KokoroVocab.read(KokoroFixture.assets().resolve("config.json"));
        var phonemizer = new KokoroPhonemizer(Engines.espeakNg(), vocab);

        var expected = KokoroFixture.expectedIds();

        assertThat(expected).hasSizeGreaterThanOrEqualTo(7);
        for (String[] row : expected) {
            String phonemes = phonemizer.phonemize(row[0], "en-us");
            assertThat(phonemes).as(row[0]).isEqualTo(row[1]);
            long[] ids =
                    Arrays.stream(row[2].split(" ")).mapToLong(Long::parseLong).toArray();
            assertThat(vocab.ids(phonemes)).as(row[0]).containsExactly(ids);
        }
    }

    @Test
    void symbolsOutsideTheVocabulary_areDropped() {
        var vocab = KokoroVocab.read(KokoroFixture.assets().resolve("config.json"));

        // "ɝ" and "#" are not in Kokoro's vocabulary; "h", "ə", " " are (50, 83, 16).
        assertThat(vocab.ids("hɝə #")).containsExactly(50, 83, 16);
    }
}
