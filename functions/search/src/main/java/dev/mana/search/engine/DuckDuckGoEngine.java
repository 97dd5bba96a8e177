package dev.mana.search.engine;

import dev.mana.search.Category;
import java.io.IOException;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * DuckDuckGo's HTML results page ({@code html.duckduckgo.com/html/}), read with jsoup. Links go
 * through DuckDuckGo's redirect ({@code //duckduckgo.com/l/?uddg=<target>}), which is unwrapped;
 * ads are dropped. A page without the results container (a bot challenge, an error page) is an
 * error, not an empty result, so the engine report stays honest.
 */
public final class DuckDuckGoEngine extends HttpEngine {

    public static final String NAME = "duckduckgo";

    public DuckDuckGoEngine(EngineConfig config, EngineHttp http) {
        super(NAME, EnumSet.of(Category.GENERAL), config, http);
    }

    public static SearchEngine fromEnv(Env env, EngineHttp http) {
        return new DuckDuckGoEngine(
                EngineConfig.fromEnv(env, NAME, "https://html.duckduckgo.com", Duration.ofSeconds(3)), http);
    }

    @Override
    public List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException {
        String uri = config.baseUrl()
                + "/html/"
                + new QueryString()
                        .add("q", query.query())
                        .add("kl", region(query.language()))
                        .add(
                                "df",
                                query.timeRange() == null
                                        ? null
                                        : query.timeRange().wireName().substring(0, 1))
                        .add("kp", new String[] {"-2", "-1", "1"}[query.safesearch()]);
        Document page = Jsoup.parse(http.get(uri, config.timeout(), deadline, Map.of()), config.baseUrl());
        if (page.selectFirst(".no-results") != null) {
            return List.of();
        }
        if (page.selectFirst("#links, .results") == null) {
            throw new EngineException("page is not a DuckDuckGo results page");
        }
        List<EngineHit> hits = new ArrayList<>();
        for (Element result : page.select("div.result:not(.result--ad)")) {
            Element link = result.selectFirst("a.result__a");
            String url = link == null ? null : target(link.attr("href"));
            if (url == null || hits.size() >= query.count()) {
                continue;
            }
            Element snippet = result.selectFirst(".result__snippet");
            hits.add(new EngineHit(
                    HtmlText.plain(link.text()),
                    url,
                    snippet == null ? null : HtmlText.plain(snippet.text()),
                    null,
                    null));
        }
        return hits;
    }

    /** The destination of a result link: the {@code uddg} parameter of the redirect, or the link. */
    static String target(String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        String absolute = href.startsWith("//") ? "https:" + href : href;
        URI uri;
        try {
            uri = URI.create(absolute);
        } catch (IllegalArgumentException e) {
            return null;
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        if (host.endsWith("duckduckgo.com")) {
            String raw = uri.getRawQuery();
            if (raw == null) {
                return null;
            }
            for (String pair : raw.split("&")) {
                if (pair.startsWith("uddg=")) {
                    return URLDecoder.decode(pair.substring(5), StandardCharsets.UTF_8);
                }
            }
            return null; // an ad (y.js) or an internal link
        }
        return absolute.startsWith("http") ? absolute : null;
    }

    /** DuckDuckGo's region code ({@code de-ch}) needs a region; a bare language gives none. */
    private static String region(String language) {
        if (language == null || language.indexOf('-') < 0) {
            return null;
        }
        String[] parts = language.toLowerCase(java.util.Locale.ROOT).split("-", 2);
        return parts[1] + "-" + parts[0];
    }
}
