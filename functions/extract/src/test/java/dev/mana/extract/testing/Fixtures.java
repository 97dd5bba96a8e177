package dev.mana.extract.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The fixture pages of {@code src/test/resources/site/}. */
public final class Fixtures {

    private static final String REPEAT_START = "<!--repeat-->";
    private static final String REPEAT_END = "<!--/repeat-->";

    private Fixtures() {}

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/site/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture site/" + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The fixture with its {@code <!--repeat-->} section written {@code times} times. */
    public static String repeated(String name, int times) {
        String page = read(name);
        int start = page.indexOf(REPEAT_START);
        int end = page.indexOf(REPEAT_END);
        String section = page.substring(start + REPEAT_START.length(), end);
        return page.substring(0, start) + section.repeat(times) + page.substring(end + REPEAT_END.length());
    }

    public static String contentType(String name) {
        if (name.endsWith(".html")) return "text/html; charset=utf-8";
        if (name.endsWith(".txt")) return "text/plain; charset=utf-8";
        if (name.endsWith(".json")) return "application/json";
        return "application/octet-stream";
    }
}
