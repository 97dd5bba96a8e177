package dev.mana.search.engine;

import dev.mana.search.Category;
import dev.mana.search.TimeRange;
import java.time.Duration;
import java.util.Map;
import java.util.Set;

/** Builds engines against a loopback base URL, and the queries they are given. */
final class EngineTestSupport {

    static final EngineHttp HTTP = EngineHttp.create("mana-search-test");

    private EngineTestSupport() {}

    static Env env(Map<String, String> vars) {
        return new Env(vars);
    }

    static EngineQuery query(String q) {
        return new EngineQuery(q, Set.of(Category.GENERAL), null, null, 1, 10);
    }

    static EngineQuery query(String q, String language, TimeRange timeRange, int safesearch, int count) {
        return new EngineQuery(q, Set.of(Category.GENERAL), language, timeRange, safesearch, count);
    }

    static Deadline soon() {
        return Deadline.after(Duration.ofSeconds(5));
    }
}
