package dev.mana.search.testing;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Sample engine answers under {@code src/test/resources/fixtures}, shaped like the real services'. */
public final class Fixtures {

    private Fixtures() {}

    public static String read(String name) {
        try (InputStream in = Fixtures.class.getResourceAsStream("/fixtures/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no fixture " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String contentType(String name) {
        if (name.endsWith(".json")) {
            return "application/json; charset=utf-8";
        }
        if (name.endsWith(".xml")) {
            return "application/atom+xml; charset=utf-8";
        }
        return "text/html; charset=utf-8";
    }
}
