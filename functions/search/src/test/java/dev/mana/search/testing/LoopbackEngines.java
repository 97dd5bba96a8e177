package dev.mana.search.testing;

import dev.mana.search.MetaSearch;
import dev.mana.search.SearchCache;
import java.util.HashMap;
import java.util.Map;

/**
 * One loopback server per real engine, each answering its fixture at the engine's real path, and
 * the environment that points the engines at them. Tests change an engine's answer through its
 * server, or its environment through {@link #env()}.
 */
public final class LoopbackEngines implements AutoCloseable {

    public static final String SEARXNG_PATH = "/search";
    public static final String WIKIPEDIA_EN_PATH = "/en/w/api.php";
    public static final String DUCKDUCKGO_PATH = "/html/";
    public static final String BRAVE_PATH = "/res/v1/web/search";
    public static final String ARXIV_PATH = "/api/query";

    public final LoopbackServer searxng = LoopbackServer.start().answerFixture(SEARXNG_PATH, "searxng-search.json");
    public final LoopbackServer wikipedia = LoopbackServer.start()
            .answerFixture(WIKIPEDIA_EN_PATH, "wikipedia-search-en.json")
            .answerFixture("/de/w/api.php", "wikipedia-search-de.json");
    public final LoopbackServer duckduckgo =
            LoopbackServer.start().answerFixture(DUCKDUCKGO_PATH, "duckduckgo-html.html");
    public final LoopbackServer brave = LoopbackServer.start().answerFixture(BRAVE_PATH, "brave-web-search.json");
    public final LoopbackServer arxiv = LoopbackServer.start().answerFixture(ARXIV_PATH, "arxiv-query.xml");

    private final Map<String, String> env = new HashMap<>();

    public LoopbackEngines() {
        env.put("MANA_SEARCH_SEARXNG_URL", searxng.url());
        env.put("MANA_SEARCH_WIKIPEDIA_URL", wikipedia.url() + "/{lang}");
        env.put("MANA_SEARCH_DUCKDUCKGO_URL", duckduckgo.url());
        env.put("MANA_SEARCH_BRAVE_URL", brave.url());
        env.put("MANA_SEARCH_BRAVE_KEY", "test-brave-key");
        env.put("MANA_SEARCH_ARXIV_URL", arxiv.url());
    }

    /** The environment; tests may change it before calling {@link #metaSearch}. */
    public Map<String, String> env() {
        return env;
    }

    public MetaSearch metaSearch(SearchCache cache) {
        return MetaSearch.fromEnv(env, cache);
    }

    public MetaSearch metaSearch() {
        return metaSearch(SearchCache.none());
    }

    @Override
    public void close() {
        searxng.close();
        wikipedia.close();
        duckduckgo.close();
        brave.close();
        arxiv.close();
    }
}
