package dev.mana.search.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.search.Category;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;

/**
 * Wikipedia through the MediaWiki search API ({@code action=query&list=search}), in the asked
 * language's wiki. The base URL may hold a {@code {lang}} placeholder (the default,
 * {@code https://{lang}.wikipedia.org}); results always link to the public article. Wikipedia
 * cannot filter by date, so a time range is ignored.
 */
public final class WikipediaEngine extends HttpEngine {

    public static final String NAME = "wikipedia";
    private static final int MAX_LIMIT = 50;

    public WikipediaEngine(EngineConfig config, EngineHttp http) {
        super(NAME, EnumSet.of(Category.GENERAL, Category.SCIENCE), config, http);
    }

    public static SearchEngine fromEnv(Env env, EngineHttp http) {
        return new WikipediaEngine(
                EngineConfig.fromEnv(env, NAME, "https://{lang}.wikipedia.org", Duration.ofSeconds(2)), http);
    }

    @Override
    public List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException {
        // The validator allows only letters in the primary subtag, so it is safe in a host name.
        String lang = query.primaryLanguage("en");
        String uri = config.baseUrl().replace("{lang}", lang)
                + "/w/api.php"
                + new QueryString()
                        .add("action", "query")
                        .add("list", "search")
                        .add("format", "json")
                        .add("formatversion", 2)
                        .add("srsearch", query.query())
                        .add("srlimit", Math.min(query.count(), MAX_LIMIT))
                        .add("srprop", "snippet|timestamp");
        JsonNode root = http.getJson(uri, config.timeout(), deadline, Map.of());
        if (root.has("error")) {
            throw new EngineException("MediaWiki error " + JsonFields.text(root.get("error"), "code"));
        }
        JsonNode results = JsonFields.array(root.get("query"), "search", "answer has no query.search array");
        List<EngineHit> hits = new ArrayList<>();
        for (JsonNode r : results) {
            String title = JsonFields.text(r, "title");
            if (title == null || hits.size() >= query.count()) {
                continue;
            }
            hits.add(new EngineHit(
                    title, articleUrl(lang, title), HtmlText.plain(JsonFields.text(r, "snippet")), null, null));
        }
        return hits;
    }

    /** Wikipedia's own link form: spaces become underscores, reserved characters are escaped. */
    static String articleUrl(String lang, String title) {
        StringBuilder path = new StringBuilder();
        for (byte b : title.replace(' ', '_').getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xff);
            if (b >= 0 && (Character.isLetterOrDigit(c) || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0)) {
                path.append(c);
            } else {
                path.append('%').append(String.format("%02X", b & 0xff));
            }
        }
        return "https://" + lang + ".wikipedia.org/wiki/" + path;
    }
}
