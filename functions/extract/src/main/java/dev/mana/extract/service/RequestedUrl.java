package dev.mana.extract.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;

/**
 * A URL a caller asked for, checked for what can be told without the network (syntax, scheme,
 * host, length) and normalised for the cache: scheme and host lower case, default port and
 * fragment dropped, an empty path made {@code /}. Whether its address is public is the fetcher's
 * check, made on every hop.
 */
public record RequestedUrl(String raw, String normalized) {

    public static final int MAX_LENGTH = 2048;

    /** Checks {@code raw}; a refusal is a 422 naming {@code field}. */
    public static RequestedUrl check(String raw, String field) {
        if (raw == null || raw.isBlank()) {
            throw invalid(field, "The URL is empty; send an absolute http or https URL.");
        }
        String url = raw.strip();
        if (url.length() > MAX_LENGTH) {
            throw invalid(field, "The URL is longer than " + MAX_LENGTH + " characters.");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw invalid(field, "The URL is not valid: " + e.getReason() + ".");
        }
        if (!uri.isAbsolute() || uri.isOpaque()) {
            throw invalid(field, "The URL must be absolute, such as https://example.com/page.");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw invalid(field, "Only http and https URLs can be extracted, not " + scheme + ".")
                    .with("reason", "unsupported_scheme");
        }
        String authority = uri.getRawAuthority();
        if (authority == null || authority.isBlank()) {
            throw invalid(field, "The URL has no host.");
        }
        return new RequestedUrl(url, normalize(uri, scheme));
    }

    private static String normalize(URI uri, String scheme) {
        String host = uri.getHost() != null ? uri.getHost() : hostOf(uri.getRawAuthority());
        host = host.toLowerCase(Locale.ROOT);
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        int port = uri.getPort();
        boolean defaultPort =
                port < 0 || (scheme.equals("http") && port == 80) || (scheme.equals("https") && port == 443);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        String query = uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery();
        return scheme + "://" + host + (defaultPort ? "" : ":" + port) + path + query;
    }

    private static String hostOf(String authority) {
        String hostPort = authority.substring(authority.lastIndexOf('@') + 1);
        int colon = hostPort.lastIndexOf(':');
        return colon < 0 ? hostPort : hostPort.substring(0, colon);
    }

    private static ApiException invalid(String field, String message) {
        return ApiException.field(ErrorCode.INVALID_FIELD, field, message).with("reason", "invalid_url");
    }
}
