package dev.mana.platform.fetch;

/**
 * Why a fetch did not yield a page. The set of reasons is closed so the route can map each one
 * to a stable problem code and status (4xx for the caller's input, 502/504 for the upstream).
 */
public final class FetchFailure extends Exception {

    /** The closed set of reasons a fetch fails. */
    public enum Reason {
        INVALID_URL,
        UNSUPPORTED_SCHEME,
        BLOCKED_ADDRESS,
        TOO_MANY_REDIRECTS,
        TOO_LARGE,
        TIMEOUT,
        TLS,
        UNSUPPORTED_CONTENT_TYPE,
        UPSTREAM_STATUS,
        CONNECTION
    }

    private final Reason reason;
    private final int upstreamStatus;

    public FetchFailure(Reason reason, String message) {
        this(reason, message, 0, null);
    }

    public FetchFailure(Reason reason, String message, Throwable cause) {
        this(reason, message, 0, cause);
    }

    private FetchFailure(Reason reason, String message, int upstreamStatus, Throwable cause) {
        super(message, cause);
        this.reason = reason;
        this.upstreamStatus = upstreamStatus;
    }

    /** The upstream answered with a non-2xx status that is not a followable redirect. */
    public static FetchFailure upstreamStatus(int status) {
        return new FetchFailure(Reason.UPSTREAM_STATUS, "upstream answered HTTP " + status, status, null);
    }

    public Reason reason() {
        return reason;
    }

    /** The upstream HTTP status for {@link Reason#UPSTREAM_STATUS}, otherwise 0. */
    public int upstreamStatus() {
        return upstreamStatus;
    }
}
