package dev.mana.stt.whisper;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.stt.Segment;
import dev.mana.stt.testing.SharedAssets;
import dev.mana.stt.text.WhisperTokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class WindowSegmentsTest {

    private static WhisperTokenizer tokenizer;

    @BeforeAll
    static void load() {
        tokenizer = WhisperTokenizer.load(SharedAssets.require("assets/whisper/multilingual.tiktoken"), 51_865);
    }

    private static int ts(double seconds) {
        return tokenizer.timestampBegin() + (int) Math.round(seconds / 0.02);
    }

    private static WindowResult window(List<Integer> tokens) {
        return new WindowResult(tokens, tokenizer.decode(tokens), "en", -0.2, 1.1, 0.01, 0.0, false);
    }

    @Test
    void timestampPairs_splitSegments_offsetByTheWindowStart() {
        List<Integer> tokens = new ArrayList<>();
        tokens.add(ts(0.0));
        tokens.addAll(tokenizer.encode(" hello world"));
        tokens.add(ts(1.5));
        tokens.add(ts(2.0));
        tokens.addAll(tokenizer.encode(" good morning"));
        tokens.add(ts(3.24));

        List<Segment> segments = WindowSegments.of(window(tokens), tokenizer, 30.0, 12.0);

        assertThat(segments).extracting(Segment::text).containsExactly(" hello world", " good morning");
        assertThat(segments).extracting(Segment::start).containsExactly(30.0, 32.0);
        assertThat(segments).extracting(Segment::end).containsExactly(31.5, 33.24);
    }

    @Test
    void withoutTimestamps_oneSegmentSpansTheWindow() {
        List<Segment> segments = WindowSegments.of(window(tokenizer.encode(" one two three")), tokenizer, 4.5, 2.25);

        assertThat(segments).singleElement().satisfies(s -> {
            assertThat(s.text()).isEqualTo(" one two three");
            assertThat(s.start()).isEqualTo(4.5);
            assertThat(s.end()).isEqualTo(6.75);
        });
    }

    @Test
    void silentWindow_hasNoSegments() {
        WindowResult silent = new WindowResult(List.of(), "", "en", -2, 0, 0.9, 0, true);

        assertThat(WindowSegments.of(silent, tokenizer, 0, 30)).isEmpty();
    }

    @Test
    void compressionRatio_flagsRepetition() {
        assertThat(WindowDecoder.compressionRatio(" thank you".repeat(40))).isGreaterThan(2.4);
        assertThat(WindowDecoder.compressionRatio(" and so my fellow americans ask not what your country can do"))
                .isLessThan(2.4);
    }
}
