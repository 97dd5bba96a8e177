package dev.mana.extract.content;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** The {@code <meta>} values that carry article metadata: Dublin Core, OpenGraph, Twitter, Parsely. */
final class MetaTags {

    private static final Pattern PROPERTY = Pattern.compile(
            "\\s*(article|dc|dcterm|og|twitter)\\s*:\\s*(author|creator|description|published_time|title|site_name)\\s*",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern NAME = Pattern.compile(
            "^\\s*(?:(dc|dcterm|og|twitter|parsely|weibo:(article|webpage))\\s*[-.:]\\s*)?"
                    + "(author|creator|pub-date|description|title|site_name)\\s*$",
            Pattern.CASE_INSENSITIVE);

    private MetaTags() {}

    /** Values keyed like "og:title", "dc:creator", "parsely-pub-date" (lower case). */
    static Map<String, String> read(Document doc) {
        Map<String, String> values = new HashMap<>();
        for (Element meta : doc.getElementsByTag("meta")) {
            String content = meta.attr("content");
            if (content.isEmpty()) {
                continue;
            }
            String property = meta.attr("property");
            boolean matched = false;
            if (!property.isEmpty()) {
                Matcher m = PROPERTY.matcher(property);
                if (m.find()) {
                    matched = true;
                    String key = m.group().toLowerCase(Locale.ROOT).replaceAll("\\s", "");
                    values.put(key, content.trim());
                }
            }
            String name = meta.attr("name");
            if (!matched && !name.isEmpty() && NAME.matcher(name).matches()) {
                String key = name.toLowerCase(Locale.ROOT).replaceAll("\\s", "").replace('.', ':');
                values.put(key, content.trim());
            }
        }
        return values;
    }
}
