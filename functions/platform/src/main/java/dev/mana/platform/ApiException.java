package dev.mana.platform;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one exception a handler throws to answer with an error. The message is public: it is
 * the problem's {@code detail} and must say what the caller can do. Internal detail belongs
 * in the log, never here.
 */
public final class ApiException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final ErrorCode errorCode;
    private final Map<String, Object> extensions;
    private final Map<String, String> headers;

    public ApiException(ErrorCode errorCode, String publicMessage) {
        this(errorCode, publicMessage, Map.of(), Map.of(), null);
    }

    private ApiException(
            ErrorCode errorCode,
            String publicMessage,
            Map<String, Object> extensions,
            Map<String, String> headers,
            Throwable cause) {
        super(publicMessage, cause);
        this.errorCode = errorCode;
        this.extensions = Map.copyOf(extensions);
        this.headers = Map.copyOf(headers);
    }

    /** A problem about one field of the body: the problem names it in {@code field}. */
    public static ApiException field(ErrorCode errorCode, String field, String publicMessage) {
        return new ApiException(errorCode, publicMessage).with("field", field);
    }

    /** Adds a member to the problem object, e.g. {@code balance} and {@code price} on a 402. */
    public ApiException with(String name, Object value) {
        var merged = new LinkedHashMap<>(extensions);
        merged.put(name, value);
        return new ApiException(errorCode, getMessage(), merged, headers, getCause());
    }

    /** Adds a response header, e.g. {@code Retry-After} on a 429. */
    public ApiException withHeader(String name, String value) {
        var merged = new LinkedHashMap<>(headers);
        merged.put(name, value);
        return new ApiException(errorCode, getMessage(), extensions, merged, getCause());
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Map<String, Object> extensions() {
        return extensions;
    }

    public Map<String, String> headers() {
        return headers;
    }
}
