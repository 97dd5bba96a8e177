package dev.mana.platform;

/**
 * The closed set of errors the API answers with. Each has its HTTP status, a stable
 * machine-readable {@code code} clients may switch on, and a docs path. Add a constant here
 * rather than inventing a status at a call site.
 */
public enum ErrorCode {
    MALFORMED_JSON(400, "malformed_json", "The request body is not valid JSON"),
    INVALID_TYPE(400, "invalid_type", "A field has the wrong type"),
    UNKNOWN_FIELD(400, "unknown_field", "The request has a field this route does not accept"),
    INVALID_PARAMETER(400, "invalid_parameter", "A path or query parameter is invalid"),
    MISSING_FIELD(422, "missing_field", "A required field is missing"),
    INVALID_FIELD(422, "invalid_field", "A field has an invalid value"),
    INVALID_AUDIO(422, "invalid_audio", "The audio cannot be used"),
    UNAUTHENTICATED(401, "unauthenticated", "Authentication is required"),
    INVALID_CREDENTIALS(401, "invalid_credentials", "The credentials are not valid"),
    INSUFFICIENT_CREDITS(402, "insufficient_credits", "Not enough credits"),
    FORBIDDEN(403, "forbidden", "The credentials do not allow this request"),
    SESSION_REQUIRED(403, "session_required", "This route needs a signed-in session, not an API key"),
    NOT_FOUND(404, "not_found", "The resource does not exist"),
    ROUTE_NOT_FOUND(404, "route_not_found", "No such route"),
    METHOD_NOT_ALLOWED(405, "method_not_allowed", "The route does not accept this method"),
    CONFLICT(409, "conflict", "The request conflicts with the current state"),
    IDEMPOTENCY_KEY_REUSED(409, "idempotency_key_reused", "The Idempotency-Key was used with a different request"),
    PAYLOAD_TOO_LARGE(413, "payload_too_large", "The request body is too large"),
    UNSUPPORTED_MEDIA_TYPE(415, "unsupported_media_type", "The request body's media type is not supported"),
    RATE_LIMITED(429, "rate_limited", "Too many requests"),
    QUOTA_EXCEEDED(429, "quota_exceeded", "The usage quota is exhausted"),
    INTERNAL(500, "internal_error", "Something went wrong on our side"),
    UPSTREAM_FAILED(502, "upstream_failed", "An upstream service failed"),
    UNAVAILABLE(503, "unavailable", "The service is temporarily unavailable"),
    MODEL_UNAVAILABLE(503, "model_unavailable", "The model is not deployed"),
    UPSTREAM_TIMEOUT(504, "upstream_timeout", "An upstream service did not answer in time");

    /** Where problem {@code type} URIs point; one page per code. */
    public static final String DOCS_BASE = "https://docs.mana-api.dev/errors/";

    private final int status;
    private final String code;
    private final String title;

    ErrorCode(int status, String code, String title) {
        this.status = status;
        this.code = code;
        this.title = title;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    public String title() {
        return title;
    }

    public String type() {
        return DOCS_BASE + code.replace('_', '-');
    }
}
