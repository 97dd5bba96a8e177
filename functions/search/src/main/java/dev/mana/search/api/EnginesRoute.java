package dev.mana.search.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.search.EngineHealth;
import dev.mana.search.MetaSearch;
import java.util.List;

/**
 * {@code GET /v1/search/engines}: every engine with its categories, whether it is configured, and
 * its health in this container. Needs a caller; free of charge.
 */
public final class EnginesRoute {

    /**
     * The answer: {@code engines} in the order search answers list them, and {@code
     * searxngEngines}, the other names {@code options.engines} accepts, which go to SearXNG (empty
     * when this deployment has none).
     */
    public record EnginesResponse(List<EngineHealth> engines, List<String> searxngEngines) {}

    private final MetaSearch search;

    public EnginesRoute(MetaSearch search) {
        this.search = search;
    }

    public Route route() {
        return Route.get("/v1/search/engines", this::handle);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        return ApiResponse.ok(new EnginesResponse(search.engines(), search.searxngEngines()));
    }
}
