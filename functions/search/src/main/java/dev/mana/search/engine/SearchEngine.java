package dev.mana.search.engine;

import dev.mana.search.Category;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * One search backend. Implementations are stateless and thread-safe; health, circuit breaking
 * and timeouts around them belong to the caller. To add an engine, write one class and add its
 * factory to {@link EngineRegistry}.
 */
public interface SearchEngine {

    /** Stable lower-case name, used in requests ({@code options.engines}) and responses. */
    String name();

    Set<Category> categories();

    /** False when a required setting (instance URL, API key) is missing; it is then skipped. */
    boolean isConfigured();

    /** How long this engine is given; the caller also cuts it off at this point. */
    Duration timeout();

    /**
     * Best-ranked first, at most {@code query.count()} hits. Throws {@link EngineException} for an
     * answer it cannot read, and {@link java.net.http.HttpTimeoutException} past the deadline.
     */
    List<EngineHit> search(EngineQuery query, Deadline deadline) throws IOException, InterruptedException;
}
