package dev.mana.search.engine;

import dev.mana.search.Category;
import java.time.Duration;
import java.util.Set;

/**
 * What every engine that answers over HTTP shares: its name, categories, configuration (base URL,
 * timeout, key) and the shared HTTP client. A subclass writes only its request and parsing.
 */
abstract class HttpEngine implements SearchEngine {
    protected final EngineConfig config;
    protected final EngineHttp http;
    private final String name;
    private final Set<Category> categories;

    HttpEngine(String name, Set<Category> categories, EngineConfig config, EngineHttp http) {
        this.name = name;
        this.categories = Set.copyOf(categories);
        this.config = config;
        this.http = http;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Set<Category> categories() {
        return categories;
    }

    /** Configured when it has a base URL; engines that need a key say so too. */
    @Override
    public boolean isConfigured() {
        return config.baseUrl() != null;
    }

    @Override
    public final Duration timeout() {
        return config.timeout();
    }
}
