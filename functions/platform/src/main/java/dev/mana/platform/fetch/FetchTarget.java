package dev.mana.platform.fetch;

import dev.mana.platform.fetch.FetchFailure.Reason;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * A URL checked for fetching: http or https, a host, and, when the host is an IP literal in any
 * spelling, that address already parsed (so no resolver ever sees a numeric host).
 *
 * @param literalAddress the address for an IP-literal host, otherwise null
 */
record FetchTarget(URI uri, boolean https, String host, int port, InetAddress literalAddress) {

    static FetchTarget parse(String url) throws FetchFailure {
        if (url == null || url.isBlank()) {
            throw new FetchFailure(Reason.INVALID_URL, "URL is empty");
        }
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw new FetchFailure(Reason.INVALID_URL, "URL is malformed", e);
        }
        return of(uri);
    }

    static FetchTarget of(URI uri) throws FetchFailure {
        if (!uri.isAbsolute() || uri.getScheme() == null) {
            throw new FetchFailure(Reason.INVALID_URL, "URL must be absolute");
        }
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            throw new FetchFailure(Reason.UNSUPPORTED_SCHEME, "only http and https URLs can be fetched");
        }
        boolean https = scheme.equals("https");
        String rawHost = uri.getHost();
        int explicitPort = uri.getPort();
        if (rawHost == null) {
            // java.net.URI calls "0x7f.1" or "127.1" registry-based and gives no host; browsers
            // read them as IPv4, so they are read here too rather than slipping through.
            Authority authority = Authority.parse(uri.getRawAuthority());
            rawHost = authority.host();
            explicitPort = authority.port();
        }
        if (rawHost == null || rawHost.isEmpty()) {
            throw new FetchFailure(Reason.INVALID_URL, "URL has no valid host");
        }
        int port = explicitPort < 0 ? (https ? 443 : 80) : explicitPort;
        if (port < 1 || port > 65535) {
            throw new FetchFailure(Reason.INVALID_URL, "port out of range");
        }
        String host = rawHost.toLowerCase(Locale.ROOT);
        InetAddress literal = literalAddress(host).orElse(null);
        if (literal == null && host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        return new FetchTarget(uri, https, host, port, literal);
    }

    private static Optional<InetAddress> literalAddress(String host) throws FetchFailure {
        try {
            if (host.startsWith("[")) {
                String inner = host.substring(1, host.length() - 1);
                if (inner.contains("%")) {
                    throw new FetchFailure(Reason.INVALID_URL, "IPv6 zone identifiers are not allowed");
                }
                return Optional.of(InetAddress.getByName(inner));
            }
            Optional<byte[]> v4 = Ipv4Spelling.parse(host);
            if (v4.isPresent()) {
                return Optional.of(InetAddress.getByAddress(v4.get()));
            }
            return Optional.empty();
        } catch (IllegalArgumentException | UnknownHostException e) {
            throw new FetchFailure(Reason.INVALID_URL, "URL has an invalid numeric host", e);
        }
    }

    /** The Host header value: the name as written, with the port when it is not the default. */
    String hostHeader() {
        String name = literalAddress == null
                ? host
                : literalAddress instanceof java.net.Inet6Address
                        ? "[" + literalAddress.getHostAddress() + "]"
                        : literalAddress.getHostAddress();
        boolean defaultPort = port == (https ? 443 : 80);
        return defaultPort ? name : name + ":" + port;
    }

    /** Host and port of an authority java.net.URI would not split; null host when unusable. */
    private record Authority(String host, int port) {
        static Authority parse(String raw) throws FetchFailure {
            if (raw == null) {
                return new Authority(null, -1);
            }
            String hostPort = raw.substring(raw.lastIndexOf('@') + 1);
            int colon = hostPort.lastIndexOf(':');
            String host = colon < 0 ? hostPort : hostPort.substring(0, colon);
            int port = -1;
            if (colon >= 0 && colon < hostPort.length() - 1) {
                try {
                    port = Integer.parseInt(hostPort.substring(colon + 1));
                } catch (NumberFormatException e) {
                    throw new FetchFailure(Reason.INVALID_URL, "URL has an invalid port", e);
                }
            }
            if (!host.matches("[A-Za-z0-9._-]+")) {
                throw new FetchFailure(Reason.INVALID_URL, "URL has no valid host");
            }
            return new Authority(host, port);
        }
    }

    /** The request target: path and query, never the fragment. */
    String requestTarget() {
        String path = uri.getRawPath();
        if (path == null || path.isEmpty()) {
            path = "/";
        }
        return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
    }
}
