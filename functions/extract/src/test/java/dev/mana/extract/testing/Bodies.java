package dev.mana.extract.testing;

import dev.mana.platform.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the extract routes, written as JSON from values. */
public final class Bodies {

    private Bodies() {}

    public static String extract(String url) {
        return Json.write(Map.of("url", url));
    }

    public static String extract(String url, Map<String, Object> options) {
        var body = new LinkedHashMap<String, Object>();
        body.put("url", url);
        body.put("options", options);
        return Json.write(body);
    }

    public static String bulk(List<String> urls) {
        return Json.write(Map.of("urls", urls));
    }

    public static String batch(List<String> urls, Map<String, Object> webhook) {
        return webhook == null
                ? Json.write(Map.of("urls", urls))
                : Json.write(Map.of("urls", urls, "webhook", webhook));
    }

    public static String bulk(List<String> urls, Map<String, Object> options) {
        return Json.write(Map.of("urls", urls, "options", options));
    }
}
