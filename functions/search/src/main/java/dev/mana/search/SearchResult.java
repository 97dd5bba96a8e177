package dev.mana.search;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One fused result. {@code score} is the reciprocal-rank-fusion score (higher is better);
 * {@code engines} lists every engine that returned this page, best-ranked first.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SearchResult(
        String title,
        String url,
        String snippet,
        List<String> engines,
        double score,
        String publishedAt,
        String thumbnail) {

    public SearchResult {
        engines = List.copyOf(engines);
    }
}
