package dev.mana.platform.fetch;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Status and headers of an HTTP response; header names are lower case. */
record ResponseHead(int status, Map<String, List<String>> headers) {

    ResponseHead {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header, or null. */
    String header(String name) {
        List<String> values = headers.get(name.toLowerCase(Locale.ROOT));
        return values == null || values.isEmpty() ? null : values.get(0);
    }

    boolean isRedirect() {
        return (status == 301 || status == 302 || status == 303 || status == 307 || status == 308)
                && header("location") != null;
    }
}
