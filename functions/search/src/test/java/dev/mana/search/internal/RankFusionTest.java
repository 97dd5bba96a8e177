package dev.mana.search.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.search.SearchResult;
import dev.mana.search.engine.EngineHit;
import java.util.List;
import org.junit.jupiter.api.Test;

class RankFusionTest {

    private static EngineHit hit(String url, String title) {
        return new EngineHit(title, url, null, null, null);
    }

    @Test
    void fuse_prefersAPageTwoEnginesAgreeOn_overOneEnginesFirstHit() {
        List<SearchResult> fused = RankFusion.fuse(List.of(
                new RankFusion.Ranked("a", List.of(hit("https://x.test/1", "x1"), hit("https://both.test/", "b"))),
                new RankFusion.Ranked("b", List.of(hit("https://y.test/1", "y1"), hit("https://both.test", "b")))));

        assertThat(fused).extracting(SearchResult::url).first().isEqualTo("https://both.test/");
        assertThat(fused.get(0).score()).isEqualTo(Math.round(2.0 / 62 * 1e6) / 1e6);
        // x1 and y1 tie on score, engines and rank: the first engine's comes first.
        assertThat(fused)
                .extracting(SearchResult::url)
                .containsExactly("https://both.test/", "https://x.test/1", "https://y.test/1");
    }

    @Test
    void fuse_countsAnEngineListingOnePageTwice_once() {
        List<SearchResult> fused = RankFusion.fuse(List.of(new RankFusion.Ranked(
                "a", List.of(hit("https://x.test/", "x"), hit("https://www.x.test", "x again")))));

        assertThat(fused).hasSize(1);
        assertThat(fused.get(0).score()).isEqualTo(Math.round(1.0 / 61 * 1e6) / 1e6);
    }

    @Test
    void fuse_dropsHitsWithoutAnHttpUrl_withoutCostingOthersARank() {
        List<SearchResult> fused = RankFusion.fuse(List.of(new RankFusion.Ranked(
                "a", List.of(hit("javascript:alert(1)", "evil"), hit("https://ok.test/", "ok")))));

        assertThat(fused).extracting(SearchResult::title).containsExactly("ok");
        assertThat(fused.get(0).score()).isEqualTo(Math.round(1.0 / 61 * 1e6) / 1e6);
    }

    @Test
    void fuse_fallsBackFromBlankOrUrlTitles_andCutsOverlongOnes() {
        String longTitle = "word ".repeat(100);
        List<SearchResult> fused = RankFusion.fuse(List.of(
                new RankFusion.Ranked("a", List.of(hit("https://x.test/", "  "))),
                new RankFusion.Ranked("b", List.of(hit("https://x.test/", "https://x.test/"))),
                new RankFusion.Ranked("c", List.of(hit("https://y.test/", longTitle)))));

        assertThat(fused.get(0).title()).isNull();
        assertThat(fused.get(1).title()).hasSizeLessThanOrEqualTo(200).endsWith("…");
    }
}
