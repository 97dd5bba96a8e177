package dev.mana.stt.text;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.stt.testing.SharedAssets;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WhisperTokenizerTest {

    private static WhisperTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = WhisperTokenizer.load(SharedAssets.require("assets/whisper/multilingual.tiktoken"), 51_865);
    }

    // Expected ids from the independent Python BPE in ../shared/tools/tiny-whisper/bpe.py.
    private static final List<Integer> HELLO = List.of(7751, 1002, 341, 307, 257, 1500, 295, 264, 21225, 6218, 2643);
    private static final List<Integer> JFK =
            List.of(293, 370, 452, 7177, 16116, 34332, 1029, 406, 437, 428, 1941, 393, 360, 337, 291);

    @Test
    void specialTokens_sitWhereWhisperPutsThem() {
        assertThat(tokenizer.endOfText()).isEqualTo(50257);
        assertThat(tokenizer.startOfTranscript()).isEqualTo(50258);
        assertThat(tokenizer.languageToken("en")).contains(50259);
        assertThat(tokenizer.languageToken("German")).contains(50261);
        assertThat(tokenizer.translate()).isEqualTo(50358);
        assertThat(tokenizer.transcribe()).isEqualTo(50359);
        assertThat(tokenizer.startOfPrevious()).isEqualTo(50361);
        assertThat(tokenizer.noSpeech()).isEqualTo(50362);
        assertThat(tokenizer.noTimestamps()).isEqualTo(50363);
        assertThat(tokenizer.timestampBegin()).isEqualTo(50364);
        assertThat(tokenizer.timestampSeconds(50364 + 150)).isEqualTo(3.0);
        assertThat(tokenizer.vocabSize()).isEqualTo(51_865);
        assertThat(tokenizer.languageCode(50259 + 98)).isEqualTo("su");
        // Cantonese exists only in large-v3's 51,866-token vocabulary.
        assertThat(tokenizer.languageToken("yue")).isEmpty();
    }

    @Test
    void largeV3Vocabulary_shiftsTheTaskTokensByOne() {
        WhisperTokenizer v3 =
                WhisperTokenizer.load(SharedAssets.require("assets/whisper/multilingual.tiktoken"), 51_866);

        assertThat(v3.languageToken("yue")).contains(50358);
        assertThat(v3.transcribe()).isEqualTo(50360);
        assertThat(v3.noTimestamps()).isEqualTo(50364);
    }

    @Test
    void decode_knownIds_givesText_andSkipsSpecials() {
        List<Integer> withSpecials = new java.util.ArrayList<>(List.of(50258, 50259, 50359, 50364));
        withSpecials.addAll(HELLO);
        withSpecials.addAll(List.of(50500, 50257));

        assertThat(tokenizer.decode(withSpecials)).isEqualTo(" hello world this is a test of the mana speech service");
        assertThat(tokenizer.decode(JFK))
                .isEqualTo(" and so my fellow americans ask not what your country can do for you");
    }

    @Test
    void encode_matchesTheReferenceBpe() {
        assertThat(tokenizer.encode(" hello world this is a test of the mana speech service"))
                .isEqualTo(HELLO);
        assertThat(tokenizer.encode(" and so my fellow americans ask not what your country can do for you"))
                .isEqualTo(JFK);
        assertThat(tokenizer.encode(" please call me at 7 tomorrow")).containsExactly(1767, 818, 385, 412, 1614, 4153);
    }

    @Test
    void multiByteCharacters_splitAcrossTokens_decodeWhole() {
        String text = " 你好，世界！Grüße, ça va? Ω≈ç√";
        List<Integer> ids = tokenizer.encode(text);

        assertThat(tokenizer.decode(ids)).isEqualTo(text);
        // Some of those tokens are partial UTF-8 sequences: only joined bytes make the characters.
        assertThat(ids)
                .anySatisfy(id -> assertThat(tokenizer.decode(List.of(id))).contains("\uFFFD"));
    }

    @Test
    void unknownVocabularySize_isRejected() {
        assertThatThrownBy(() ->
                        WhisperTokenizer.load(SharedAssets.require("assets/whisper/multilingual.tiktoken"), 50_000))
                .hasMessageContaining("vocabulary size 50000");
    }
}
