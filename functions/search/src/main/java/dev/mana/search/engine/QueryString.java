package dev.mana.search.engine;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/** Builds a URL query string; null values are left out so optional parameters stay optional. */
final class QueryString {

    private final StringBuilder out = new StringBuilder();

    QueryString add(String name, Object value) {
        if (value == null) {
            return this;
        }
        out.append(out.isEmpty() ? '?' : '&').append(encode(name)).append('=').append(encode(value.toString()));
        return this;
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    @Override
    public String toString() {
        return out.toString();
    }
}
