package dev.mana.search.engine;

import java.io.IOException;

/**
 * An engine answered, but not with something usable (HTTP error, not JSON, wrong shape). The
 * message goes into the public engine report, so it must not carry URLs, keys or bodies.
 */
public final class EngineException extends IOException {

    public EngineException(String message) {
        super(message);
    }
}
