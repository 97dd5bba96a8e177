package dev.mana.tts.kokoro;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PhonemeChunksTest {

    @Test
    void sentences_arePackedTogether_whileTheyFit() {
        var chunks = PhonemeChunks.pack(List.of("aaaa.", "bbbb.", "cccc."), 11);

        assertThat(chunks).containsExactly("aaaa. bbbb.", "cccc.");
    }

    @Test
    void aSentenceOverTheLimit_isCutAfterAMark_thenAtASpace_neverOver510() {
        String clause = "ðə kwˈɪk bɹˈaʊn fˈɑːks dʒˈʌmps, ";
        String sentence = clause.repeat(40).strip() + ".";

        var chunks = PhonemeChunks.pack(List.of(sentence), KokoroModel.MAX_TOKENS);

        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).allSatisfy(chunk -> {
            assertThat(PhonemeChunks.length(chunk)).isLessThanOrEqualTo(510);
            assertThat(chunk).matches(".*[,.]$");
        });
        assertThat(String.join(" ", chunks)).isEqualTo(sentence);
    }

    @Test
    void aSentenceWithoutMarks_isCutAtSpaces() {
        String sentence = "wˈʌn tˈuː θɹˈiː ".repeat(60).strip();

        var chunks = PhonemeChunks.pack(List.of(sentence), KokoroModel.MAX_TOKENS);

        assertThat(chunks)
                .allSatisfy(chunk -> assertThat(PhonemeChunks.length(chunk)).isLessThanOrEqualTo(510));
        assertThat(String.join(" ", chunks)).isEqualTo(sentence);
    }
}
