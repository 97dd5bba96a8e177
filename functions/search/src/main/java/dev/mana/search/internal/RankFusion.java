package dev.mana.search.internal;

import dev.mana.search.SearchResult;
import dev.mana.search.engine.EngineHit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, 2009): a page scores the sum of
 * {@code 1 / (k + rank)} over the engines that returned it, with k = 60. It needs no score
 * calibration between engines and rewards pages several engines agree on. Pages are merged by
 * {@link UrlNormalizer#key}; ties go to more engines, then the better best rank, then the engine
 * order, so the output is deterministic.
 */
public final class RankFusion {

    public static final int K = 60;
    private static final int MAX_TITLE = 200;
    private static final int MAX_SNIPPET = 500;

    /** One engine's hits, best first. */
    public record Ranked(String engine, List<EngineHit> hits) {}

    private RankFusion() {}

    public static List<SearchResult> fuse(List<Ranked> lists) {
        Map<String, Page> pages = new LinkedHashMap<>();
        for (int e = 0; e < lists.size(); e++) {
            Ranked list = lists.get(e);
            int rank = 0;
            for (EngineHit hit : list.hits()) {
                String key = UrlNormalizer.key(hit.url());
                if (key == null) {
                    continue; // not an http(s) URL: unusable, and possibly unsafe to show
                }
                rank++;
                Page page = pages.computeIfAbsent(key, k -> new Page(pages.size()));
                page.add(list.engine(), e, rank, hit);
            }
        }
        return pages.values().stream()
                .sorted(Comparator.comparingDouble(Page::score)
                        .reversed()
                        .thenComparing(
                                Comparator.comparingInt(Page::engineCount).reversed())
                        .thenComparingInt(Page::bestRank)
                        .thenComparingInt(Page::firstSeen))
                .map(Page::toResult)
                .toList();
    }

    /** Everything the engines said about one page. */
    private static final class Page {
        private record Vote(String engine, int engineIndex, int rank) {}

        private final int firstSeen;
        private final List<Vote> votes = new ArrayList<>();
        private final List<EngineHit> hits = new ArrayList<>();
        private double score;

        Page(int firstSeen) {
            this.firstSeen = firstSeen;
        }

        void add(String engine, int engineIndex, int rank, EngineHit hit) {
            if (votes.stream().anyMatch(v -> v.engine().equals(engine))) {
                return; // an engine listing a page twice counts once, at its better rank
            }
            votes.add(new Vote(engine, engineIndex, rank));
            hits.add(hit);
            score += 1.0 / (K + rank);
        }

        double score() {
            return score;
        }

        int engineCount() {
            return votes.size();
        }

        int bestRank() {
            return votes.stream().mapToInt(Vote::rank).min().orElse(Integer.MAX_VALUE);
        }

        int firstSeen() {
            return firstSeen;
        }

        SearchResult toResult() {
            List<Integer> order = new ArrayList<>();
            for (int i = 0; i < votes.size(); i++) {
                order.add(i);
            }
            order.sort(Comparator.comparingInt((Integer i) -> votes.get(i).rank())
                    .thenComparingInt(i -> votes.get(i).engineIndex()));
            List<EngineHit> ordered = order.stream().map(hits::get).toList();
            String url = displayUrl(ordered);
            return new SearchResult(
                    BestText.pick(ordered.stream().map(EngineHit::title).toList(), url, MAX_TITLE),
                    url,
                    BestText.pick(ordered.stream().map(EngineHit::snippet).toList(), url, MAX_SNIPPET),
                    order.stream().map(i -> votes.get(i).engine()).toList(),
                    Math.round(score * 1e6) / 1e6,
                    ordered.stream()
                            .map(EngineHit::publishedAt)
                            .filter(v -> v != null)
                            .findFirst()
                            .orElse(null),
                    ordered.stream()
                            .map(EngineHit::thumbnail)
                            .filter(v -> v != null)
                            .findFirst()
                            .orElse(null));
        }

        /**
         * The best-ranked engine's URL, cleaned; an https form is preferred, and one without a
         * fragment, since another engine's fragment (a section link) is not what the others meant.
         */
        private static String displayUrl(List<EngineHit> ordered) {
            return ordered.stream()
                    .map(EngineHit::url)
                    .min(Comparator.comparingInt((String u) -> u.regionMatches(true, 0, "https://", 0, 8) ? 0 : 2)
                            .thenComparingInt(u -> u.indexOf('#') < 0 ? 0 : 1))
                    .map(UrlNormalizer::clean)
                    .orElseThrow();
        }
    }
}
