package dev.mana.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.search.Category;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Brave Search's web API ({@code /res/v1/web/search}), authenticated by the
 * {@code X-Subscription-Token} header; configured only when {@code MANA_SEARCH_BRAVE_KEY} is set.
 * An answer without a {@code web} section is a search with no web results.
 */
public final class BraveEngine extends HttpEngine {

    public static final String NAME = "brave";
    private static final int MAX_COUNT = 20;

    public BraveEngine(EngineConfig config, EngineHttp http) {
        super(NAME, EnumSet.of(Category.GENERAL), config, http);
    }

    public static SearchEngine fromEnv(Env env, EngineHttp http) {
        return new BraveEngine(
                EngineConfig.fromEnv(env, NAME, "https://api.search.brave.com", Duration.ofMillis(2500)), http);
    }

    @Override
    public boolean isConfigured() {
        return config.baseUrl() != null && config.apiKey() != null;
    }

    @Override
    public List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException {
        String uri = config.baseUrl()
                + "/res/v1/web/search"
                + new QueryString()
                        .add("q", query.query())
                        .add("count", Math.min(query.count(), MAX_COUNT))
                        .add("offset", 0)
                        .add("safesearch", new String[] {"off", "moderate", "strict"}[query.safesearch()])
                        .add("freshness", freshness(query))
                        .add("search_lang", query.primaryLanguage(null));
        JsonNode root = http.getJson(
                uri,
                config.timeout(),
                deadline,
                Map.of("Accept", "application/json", "X-Subscription-Token", config.apiKey()));
        if (!root.isObject() || !root.has("query")) {
            throw new EngineException("answer is not a Brave search response");
        }
        if (!root.has("web")) {
            return List.of();
        }
        JsonNode results = JsonFields.array(root.get("web"), "results", "answer has no web.results array");
        List<EngineHit> hits = new ArrayList<>();
        for (JsonNode r : results) {
            String url = JsonFields.text(r, "url");
            if (url == null || hits.size() >= query.count()) {
                continue;
            }
            JsonNode thumbnail = r.get("thumbnail");
            hits.add(new EngineHit(
                    HtmlText.plain(JsonFields.text(r, "title")),
                    url,
                    HtmlText.plain(JsonFields.text(r, "description")),
                    PublishedDate.iso(JsonFields.text(r, "page_age")),
                    thumbnail == null ? null : JsonFields.text(thumbnail, "src")));
        }
        return hits;
    }

    private static String freshness(EngineQuery query) {
        return query.timeRange() == null
                ? null
                : "p" + query.timeRange().wireName().charAt(0);
    }
}
