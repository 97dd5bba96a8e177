package dev.mana.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TextChunksTest {

    @Test
    void sentences_areKeptWhole_andGroupedUpToTheLimit() {
        String text = "The first sentence. The second one! Is this the third? Yes.";

        assertThat(TextChunks.split(text, 40))
                .containsExactly("The first sentence. The second one!", "Is this the third? Yes.");
    }

    @Test
    void aSentenceOverTheLimit_isCutAtAComma_thenAtASpace() {
        String text = "One two three four, five six seven eight nine ten eleven twelve.";

        var chunks = TextChunks.split(text, 30);

        assertThat(chunks).first().isEqualTo("One two three four,");
        assertThat(chunks).allSatisfy(chunk -> assertThat(chunk.length()).isLessThanOrEqualTo(30));
        assertThat(String.join(" ", chunks)).isEqualTo(text);
    }

    @Test
    void blankText_hasNoChunks() {
        assertThat(TextChunks.split("  \n ", 100)).isEmpty();
    }
}
