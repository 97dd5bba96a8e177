package dev.mana.extract.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.fetch.FetchFailure;
import dev.mana.platform.fetch.FetchPolicy;
import java.util.Locale;

/**
 * Turns a failed fetch into the problem the caller sees: the caller's URL at fault is a 422 naming
 * the field, the page itself (too large, not HTML) a 413 or 415, the upstream a 502 or 504. Each
 * carries {@code reason}, the fetch's own stable reason.
 */
final class FetchProblems {

    private FetchProblems() {}

    static ApiException of(FetchFailure failure, String field) {
        ApiException problem = switch (failure.reason()) {
            case INVALID_URL ->
                ApiException.field(
                        ErrorCode.INVALID_FIELD, field, "The URL cannot be fetched: " + failure.getMessage() + ".");
            case UNSUPPORTED_SCHEME ->
                ApiException.field(ErrorCode.INVALID_FIELD, field, "Only http and https URLs can be extracted.");
            case BLOCKED_ADDRESS ->
                ApiException.field(
                        ErrorCode.INVALID_FIELD,
                        field,
                        "The URL (or a redirect it led to) points to a private, loopback or reserved address,"
                                + " which is never fetched.");
            case TOO_LARGE ->
                new ApiException(
                                ErrorCode.PAYLOAD_TOO_LARGE,
                                "The page is larger than " + FetchPolicy.DEFAULT_MAX_BYTES / (1024 * 1024)
                                        + " MB; it was not read past that.")
                        .with("limit", FetchPolicy.DEFAULT_MAX_BYTES);
            case UNSUPPORTED_CONTENT_TYPE ->
                new ApiException(
                        ErrorCode.UNSUPPORTED_MEDIA_TYPE,
                        "The URL is not an HTML, XHTML or plain-text page (" + failure.getMessage() + ").");
            case TIMEOUT ->
                new ApiException(
                        ErrorCode.UPSTREAM_TIMEOUT,
                        "The page did not load within the timeout; try again or raise options.timeoutMs.");
            case UPSTREAM_STATUS ->
                new ApiException(ErrorCode.UPSTREAM_FAILED, "The site answered HTTP " + failure.upstreamStatus() + ".")
                        .with("upstreamStatus", failure.upstreamStatus());
            case TOO_MANY_REDIRECTS ->
                new ApiException(ErrorCode.UPSTREAM_FAILED, "The site redirected more than 5 times.");
            case TLS ->
                new ApiException(
                        ErrorCode.UPSTREAM_FAILED, "The TLS connection to the site failed (certificate or handshake).");
            case CONNECTION ->
                new ApiException(
                        ErrorCode.UPSTREAM_FAILED, "The site could not be reached (" + failure.getMessage() + ").");
        };
        return problem.with("reason", failure.reason().name().toLowerCase(Locale.ROOT));
    }
}
