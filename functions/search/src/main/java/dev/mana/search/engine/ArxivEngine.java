package dev.mana.search.engine;

import dev.mana.search.Category;
import java.io.IOException;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.parser.Parser;

/**
 * The arXiv API ({@code /api/query}), which answers an Atom feed. The XML is read with jsoup's
 * XML parser, which never resolves external entities. Every word of the query must match
 * ({@code all:a AND all:b}); a time range becomes a {@code submittedDate} range.
 */
public final class ArxivEngine extends HttpEngine {

    public static final String NAME = "arxiv";
    private static final int MAX_RESULTS = 50;
    private static final DateTimeFormatter ARXIV_DATE = DateTimeFormatter.ofPattern("yyyyMMddHHmm");

    public ArxivEngine(EngineConfig config, EngineHttp http) {
        super(NAME, EnumSet.of(Category.SCIENCE), config, http);
    }

    public static SearchEngine fromEnv(Env env, EngineHttp http) {
        return new ArxivEngine(
                EngineConfig.fromEnv(env, NAME, "https://export.arxiv.org", Duration.ofSeconds(4)), http);
    }

    @Override
    public List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException {
        String uri = config.baseUrl()
                + "/api/query"
                + new QueryString()
                        .add("search_query", searchQuery(query))
                        .add("start", 0)
                        .add("max_results", Math.min(query.count(), MAX_RESULTS))
                        .add("sortBy", "relevance");
        Document feed = Jsoup.parse(http.get(uri, config.timeout(), deadline, Map.of()), "", Parser.xmlParser());
        if (feed.selectFirst("feed") == null) {
            throw new EngineException("answer is not an Atom feed");
        }
        List<EngineHit> hits = new ArrayList<>();
        for (Element entry : feed.select("feed > entry")) {
            String id = childText(entry, "id");
            if (id != null && id.contains("/api/errors")) {
                throw new EngineException("arXiv rejected the query");
            }
            Element link = entry.selectFirst("> link[rel=alternate]");
            String url = link != null ? link.attr("href") : id;
            if (url == null || url.isBlank() || hits.size() >= query.count()) {
                continue;
            }
            hits.add(new EngineHit(
                    HtmlText.plain(childText(entry, "title")),
                    url.replaceFirst("^http://arxiv\\.org/", "https://arxiv.org/"),
                    HtmlText.plain(childText(entry, "summary")),
                    PublishedDate.iso(childText(entry, "published")),
                    null));
        }
        return hits;
    }

    /** arXiv's query syntax treats quotes, brackets and colons specially; words are kept as words. */
    static String searchQuery(EngineQuery query) {
        String words = java.util.Arrays.stream(query.query().split("\\s+"))
                .map(w -> w.replaceAll("[\"():\\[\\]]", ""))
                .filter(w -> !w.isBlank() && !w.equals("AND") && !w.equals("OR") && !w.equals("ANDNOT"))
                .map(w -> "all:" + w)
                .collect(Collectors.joining(" AND "));
        if (query.timeRange() == null) {
            return words;
        }
        ZonedDateTime now = ZonedDateTime.now(ZoneOffset.UTC);
        ZonedDateTime from = switch (query.timeRange()) {
            case DAY -> now.minusDays(1);
            case WEEK -> now.minusWeeks(1);
            case MONTH -> now.minusMonths(1);
            case YEAR -> now.minusYears(1);
        };
        return words + " AND submittedDate:[" + ARXIV_DATE.format(from) + " TO " + ARXIV_DATE.format(now) + "]";
    }

    private static String childText(Element entry, String tag) {
        Element child = entry.selectFirst("> " + tag);
        return child == null ? null : child.text();
    }
}
