package dev.mana.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.search.Category;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A SearXNG instance's JSON API ({@code /search?format=json}); the instance must allow the json
 * format. It has no public default: without {@code MANA_SEARCH_SEARXNG_URL} it is not configured.
 * It is asked for its first page only; its page already merges many engines (about 20 to 40).
 */
public final class SearxngEngine extends HttpEngine {

    public static final String NAME = "searxng";

    public SearxngEngine(EngineConfig config, EngineHttp http) {
        super(NAME, EnumSet.allOf(Category.class), config, http);
    }

    public static SearchEngine fromEnv(Env env, EngineHttp http) {
        return new SearxngEngine(EngineConfig.fromEnv(env, NAME, null, Duration.ofSeconds(3)), http);
    }

    @Override
    public List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException {
        String uri = config.baseUrl()
                + "/search"
                + new QueryString()
                        .add("q", query.query())
                        .add("format", "json")
                        .add("categories", searxngCategories(query.categories()))
                        .add(
                                "engines",
                                query.searxngEngines().isEmpty()
                                        ? null
                                        : query.searxngEngines().stream()
                                                .sorted()
                                                .collect(Collectors.joining(",")))
                        .add("language", query.language())
                        .add(
                                "time_range",
                                query.timeRange() == null
                                        ? null
                                        : query.timeRange().wireName())
                        .add("safesearch", query.safesearch())
                        .add("pageno", 1);
        JsonNode root = http.getJson(uri, config.timeout(), deadline, Map.of("Accept", "application/json"));
        JsonNode results = JsonFields.array(root, "results", "answer has no results array");
        List<EngineHit> hits = new ArrayList<>();
        for (JsonNode r : results) {
            String url = JsonFields.text(r, "url");
            if (url == null || hits.size() >= query.count()) {
                continue;
            }
            String thumbnail = JsonFields.text(r, "thumbnail");
            hits.add(new EngineHit(
                    HtmlText.plain(JsonFields.text(r, "title")),
                    url,
                    HtmlText.plain(JsonFields.text(r, "content")),
                    PublishedDate.iso(JsonFields.text(r, "publishedDate")),
                    thumbnail != null ? thumbnail : JsonFields.text(r, "img_src")));
        }
        return hits;
    }

    /** SearXNG calls the social category "social media". */
    private static String searxngCategories(Set<Category> categories) {
        return categories.stream()
                .sorted()
                .map(c -> c == Category.SOCIAL ? "social media" : c.wireName())
                .collect(Collectors.joining(","));
    }
}
