package dev.mana.extract.content;

import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Metadata of a page, each field from the most reliable source that has it: JSON-LD first, then
 * Dublin Core, OpenGraph, Twitter and Parsely meta tags, then the page itself.
 */
record PageMetadata(String title, String byline, String excerpt, String siteName, String publishedTime, String lang) {

    private static final Pattern URL = Pattern.compile("^https?://", Pattern.CASE_INSENSITIVE);

    static PageMetadata read(Document doc, JsonLdReader.JsonLd jsonLd) {
        Map<String, String> meta = MetaTags.read(doc);
        String title = first(
                jsonLd.title(),
                meta.get("dc:title"),
                meta.get("dcterm:title"),
                meta.get("og:title"),
                meta.get("weibo:article:title"),
                meta.get("weibo:webpage:title"),
                meta.get("title"),
                meta.get("twitter:title"),
                meta.get("parsely-title"));
        if (title == null) {
            title = TitleFinder.find(doc);
        }
        String articleAuthor = meta.get("article:author");
        if (articleAuthor != null && URL.matcher(articleAuthor).find()) {
            articleAuthor = null; // often a profile URL, not a name
        }
        String byline = first(
                jsonLd.byline(),
                meta.get("dc:creator"),
                meta.get("dcterm:creator"),
                meta.get("author"),
                meta.get("parsely-author"),
                articleAuthor);
        String excerpt = first(
                jsonLd.excerpt(),
                meta.get("dc:description"),
                meta.get("dcterm:description"),
                meta.get("og:description"),
                meta.get("weibo:article:description"),
                meta.get("weibo:webpage:description"),
                meta.get("description"),
                meta.get("twitter:description"));
        String siteName = first(jsonLd.siteName(), meta.get("og:site_name"));
        String published =
                first(jsonLd.datePublished(), meta.get("article:published_time"), meta.get("parsely-pub-date"));
        return new PageMetadata(
                unescape(title),
                unescape(byline),
                unescape(excerpt),
                unescape(siteName),
                unescape(published),
                lang(doc));
    }

    private static String lang(Document doc) {
        Element html = doc.selectFirst("html");
        String lang = html == null ? "" : html.attr("lang").trim();
        if (lang.isEmpty()) {
            Element contentLanguage = doc.selectFirst("meta[http-equiv~=(?i)content-language]");
            lang = contentLanguage == null
                    ? ""
                    : contentLanguage.attr("content").trim();
        }
        return lang.isEmpty() ? null : lang;
    }

    private static String first(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }

    private static final Pattern NAMED_ENTITY = Pattern.compile("&(quot|amp|apos|lt|gt);");
    private static final Pattern NUMERIC_ENTITY = Pattern.compile("&#(?:x([0-9a-fA-F]+)|([0-9]+));");

    /**
     * JSON-LD and some CMSs double-encode the basic entities ("&amp;amp;"); only those and
     * numeric references are decoded once more, as Readability does, so text such as a literal
     * "&nbsp;" in a description is left as the page wrote it.
     */
    private static String unescape(String s) {
        if (s == null) {
            return null;
        }
        String named = NAMED_ENTITY.matcher(s).replaceAll(m -> switch (m.group(1)) {
            case "quot" -> "\"";
            case "amp" -> "&";
            case "apos" -> "'";
            case "lt" -> "<";
            default -> ">";
        });
        return NUMERIC_ENTITY.matcher(named).replaceAll(m -> {
            long cp;
            try {
                cp = m.group(1) != null ? Long.parseLong(m.group(1), 16) : Long.parseLong(m.group(2));
            } catch (NumberFormatException e) {
                cp = 0xFFFD;
            }
            boolean valid = cp > 0 && cp <= 0x10FFFF && (cp < 0xD800 || cp > 0xDFFF);
            return Matcher.quoteReplacement(Character.toString(valid ? (int) cp : 0xFFFD));
        });
    }
}
