package dev.mana.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/**
 * The files /docs loads, by name: Swagger UI's stylesheet and bundle from its WebJar, and this
 * module's start script. A fixed list read once: no other name reaches the class path.
 */
public final class DocsAssets {
    /** An asset: its media type and text. */
    public record Asset(String contentType, String text) {}

    private DocsAssets() {}

    public static Map<String, Asset> load() {
        String webjar = "/META-INF/resources/webjars/swagger-ui/" + swaggerUiVersion() + "/";
        var assets = new LinkedHashMap<String, Asset>();
        assets.put("swagger-ui.css", new Asset("text/css; charset=utf-8", read(webjar + "swagger-ui.css")));
        assets.put(
                "swagger-ui-bundle.js",
                new Asset("text/javascript; charset=utf-8", read(webjar + "swagger-ui-bundle.js")));
        assets.put("docs-init.js", new Asset("text/javascript; charset=utf-8", text("docs-init.js")));
        return assets;
    }

    static String swaggerUiVersion() {
        var properties = new Properties();
        try (InputStream in = DocsAssets.class.getResourceAsStream("swagger-ui.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    /** A file of this package's resources. */
    static String text(String name) {
        return read("/dev/mana/docs/" + name);
    }

    private static String read(String path) {
        try (InputStream in = DocsAssets.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException(path + " is not in the docs jar");
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
