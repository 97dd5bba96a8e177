package dev.mana.search.internal;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides when two result URLs are the same page. The key ignores the scheme (engines disagree
 * on http and https for the same page), {@code www.}, default ports, the fragment, trailing
 * slashes, tracking parameters and parameter order; percent-escapes of unreserved characters are
 * decoded and the rest upper-cased (RFC 3986, 6.2.2).
 */
public final class UrlNormalizer {

    private static final Set<String> TRACKING = Set.of(
            "fbclid",
            "gclid",
            "gclsrc",
            "dclid",
            "gbraid",
            "wbraid",
            "msclkid",
            "yclid",
            "twclid",
            "ttclid",
            "li_fat_id",
            "igshid",
            "mc_cid",
            "mc_eid",
            "_ga",
            "_gl",
            "_hsenc",
            "_hsmi",
            "mkt_tok",
            "ref",
            "ref_src",
            "ref_url",
            "referrer",
            "spm",
            "srsltid",
            "vero_id",
            "wt_mc",
            "s_cid",
            "oly_anon_id",
            "oly_enc_id",
            "rb_clickid",
            "cmpid");
    private static final List<String> TRACKING_PREFIXES = List.of("utm_", "pk_", "hsa_", "mtm_");

    private UrlNormalizer() {}

    /** The de-duplication key, or null when {@code url} is not an absolute http(s) URL. */
    public static String key(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return null;
        }
        String authority = uri.getRawAuthority();
        int at = authority.lastIndexOf('@');
        String hostPort = (at < 0 ? authority : authority.substring(at + 1)).toLowerCase(Locale.ROOT);
        String host = hostPort;
        String port = "";
        int colon = hostPort.lastIndexOf(':');
        if (colon > hostPort.lastIndexOf(']')) {
            host = hostPort.substring(0, colon);
            port = hostPort.substring(colon + 1);
        }
        if (host.endsWith(".")) {
            host = host.substring(0, host.length() - 1);
        }
        if (host.startsWith("www.")) {
            host = host.substring(4);
        }
        if (host.isEmpty()) {
            return null;
        }
        boolean defaultPort = port.isEmpty() || port.equals("80") || port.equals("443");
        String path = normalizeEscapes(uri.getRawPath() == null ? "" : uri.getRawPath())
                .replaceAll("/+$", "");
        List<String> params = keptParams(uri.getRawQuery());
        params.replaceAll(UrlNormalizer::normalizeEscapes);
        params.sort(null);
        return host + (defaultPort ? "" : ":" + port) + path + (params.isEmpty() ? "" : "?" + String.join("&", params));
    }

    /** The URL to show: as the engine gave it, less its tracking parameters. */
    public static String clean(String url) {
        URI uri = parse(url);
        if (uri == null) {
            return url;
        }
        List<String> params = keptParams(uri.getRawQuery());
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority()
                + (uri.getRawPath() == null ? "" : uri.getRawPath())
                + (params.isEmpty() ? "" : "?" + String.join("&", params))
                + (uri.getRawFragment() == null ? "" : "#" + uri.getRawFragment());
    }

    /** The host part of a {@link #key}: lower case, without {@code www.} or port. */
    public static String hostOfKey(String key) {
        int end = key.length();
        for (char stop : new char[] {'/', '?', ':'}) {
            int i = key.indexOf(stop);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return key.substring(0, end);
    }

    private static URI parse(String url) {
        if (url == null) {
            return null;
        }
        URI uri;
        try {
            uri = URI.create(url.strip().replace(" ", "%20"));
        } catch (IllegalArgumentException e) {
            return null;
        }
        String scheme = uri.getScheme();
        if (scheme == null
                || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))
                || uri.getRawAuthority() == null) {
            return null;
        }
        return uri;
    }

    private static List<String> keptParams(String rawQuery) {
        List<String> kept = new ArrayList<>();
        if (rawQuery == null) {
            return kept;
        }
        for (String pair : rawQuery.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = (eq < 0 ? pair : pair.substring(0, eq)).toLowerCase(Locale.ROOT);
            if (!isTracking(name)) {
                kept.add(pair);
            }
        }
        return kept;
    }

    private static boolean isTracking(String name) {
        return TRACKING.contains(name) || TRACKING_PREFIXES.stream().anyMatch(name::startsWith);
    }

    private static String normalizeEscapes(String raw) {
        if (raw.indexOf('%') < 0) {
            return raw;
        }
        StringBuilder out = new StringBuilder(raw.length());
        for (int i = 0; i < raw.length(); i++) {
            char c = raw.charAt(i);
            // URI.create has already checked that every % is followed by two hex digits.
            if (c == '%' && i + 2 < raw.length()) {
                int value = Integer.parseInt(raw.substring(i + 1, i + 3), 16);
                if (isUnreserved((char) value)) {
                    out.append((char) value);
                } else {
                    out.append('%').append(raw.substring(i + 1, i + 3).toUpperCase(Locale.ROOT));
                }
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    private static boolean isUnreserved(char c) {
        return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || "-._~".indexOf(c) >= 0;
    }
}
