package dev.mana.docs;

import dev.mana.platform.Json;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * infra/openapi.yaml as clients see it: without the {@code x-amazon-apigateway-*} extensions
 * (integrations, the authorizer's wiring, gateway responses), as JSON.
 */
public final class PublicSpec {
    private static final String EXTENSION_PREFIX = "x-amazon-apigateway-";

    private PublicSpec() {}

    /** The spec packaged in this jar, as JSON text. */
    public static String load() {
        try (InputStream in = PublicSpec.class.getResourceAsStream("openapi.yaml")) {
            if (in == null) throw new IllegalStateException("openapi.yaml is not in the docs jar");
            return of(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code openapi.yaml}'s text (or stream) to the public spec's JSON. */
    public static String of(InputStream yaml) {
        Object document = new Yaml(new SafeConstructor(new LoaderOptions())).load(yaml);
        return Json.write(strip(document));
    }

    private static Object strip(Object node) {
        if (node instanceof Map<?, ?> map) {
            var kept = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> {
                if (!String.valueOf(key).startsWith(EXTENSION_PREFIX)) kept.put(String.valueOf(key), strip(value));
            });
            return kept;
        }
        if (node instanceof List<?> list) {
            var kept = new ArrayList<Object>();
            list.forEach(value -> kept.add(strip(value)));
            return kept;
        }
        return node;
    }
}
