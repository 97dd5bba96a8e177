package dev.mana.platform;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** An OpenAPI path template such as {@code /v1/keys/{id}}, matched segment by segment. */
public record PathTemplate(List<String> segments) {

    public static PathTemplate parse(String template) {
        return new PathTemplate(split(template));
    }

    /** The bound parameters when {@code path} matches, otherwise null. */
    public Map<String, String> match(String path) {
        List<String> actual = split(path);
        if (actual.size() != segments.size()) return null;
        var parameters = new LinkedHashMap<String, String>();
        for (int i = 0; i < segments.size(); i++) {
            String expected = segments.get(i);
            String value = actual.get(i);
            if (expected.startsWith("{") && expected.endsWith("}")) {
                if (value.isEmpty()) return null;
                parameters.put(
                        expected.substring(1, expected.length() - 1),
                        URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8));
            } else if (!expected.equals(value)) {
                return null;
            }
        }
        return parameters;
    }

    private static List<String> split(String path) {
        String trimmed = path == null ? "" : path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? List.of() : List.of(trimmed.split("/", -1));
    }
}
