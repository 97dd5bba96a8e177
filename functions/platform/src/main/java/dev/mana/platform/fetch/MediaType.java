package dev.mana.platform.fetch;

import java.util.Locale;

/** The type and charset parameter of a Content-Type header. */
record MediaType(String type, String charset) {

    static MediaType parse(String header) {
        if (header == null || header.isBlank()) {
            return new MediaType("", null);
        }
        String[] parts = header.split(";");
        String type = parts[0].trim().toLowerCase(Locale.ROOT);
        String charset = null;
        for (int i = 1; i < parts.length; i++) {
            String p = parts[i].trim();
            if (p.regionMatches(true, 0, "charset=", 0, 8)) {
                charset = p.substring(8).trim().replace("\"", "").replace("'", "");
            }
        }
        return new MediaType(type, charset);
    }

    /** HTML, XHTML and plain text are extractable; a missing type is sniffed as HTML, as browsers do. */
    boolean isExtractable() {
        return type.isEmpty()
                || type.equals("text/html")
                || type.equals("application/xhtml+xml")
                || type.equals("text/plain");
    }
}
