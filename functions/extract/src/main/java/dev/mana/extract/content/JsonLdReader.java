package dev.mana.extract.content;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** Article metadata (and body) from schema.org JSON-LD, the most reliable source when present. */
final class JsonLdReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern ARTICLE_TYPES = Pattern.compile("^(Article|AdvertiserContentArticle|NewsArticle"
            + "|AnalysisNewsArticle|AskPublicNewsArticle|BackgroundNewsArticle|OpinionNewsArticle|ReportageNewsArticle"
            + "|ReviewNewsArticle|Report|SatiricalArticle|ScholarlyArticle|MedicalScholarlyArticle|SocialMediaPosting"
            + "|BlogPosting|LiveBlogPosting|DiscussionForumPosting|TechArticle|APIReference)$");
    private static final Pattern SCHEMA_ORG = Pattern.compile("^https?://schema\\.org/?$");

    /** The fields read; any may be null. */
    record JsonLd(String title, String byline, String excerpt, String siteName, String datePublished, String body) {
        static final JsonLd EMPTY = new JsonLd(null, null, null, null, null, null);
    }

    private JsonLdReader() {}

    static JsonLd read(Document doc) {
        for (Element script : doc.select("script[type=application/ld+json]")) {
            String content = script.data().replaceAll("^\\s*<!\\[CDATA\\[|\\]\\]>\\s*$", "");
            try {
                JsonNode article = findArticle(JSON.readTree(content));
                if (article != null) {
                    return toJsonLd(article, doc);
                }
            } catch (Exception e) {
                // Broken JSON-LD is common; the page's other metadata still counts.
            }
        }
        return JsonLd.EMPTY;
    }

    private static JsonNode findArticle(JsonNode parsed) {
        if (parsed == null) {
            return null;
        }
        if (parsed.isArray()) {
            for (JsonNode item : parsed) {
                if (isArticle(item) && hasSchemaContext(item, parsed)) {
                    return item;
                }
            }
            return null;
        }
        if (!hasSchemaContext(parsed, null)) {
            return null;
        }
        if (!parsed.has("@type") && parsed.path("@graph").isArray()) {
            for (JsonNode item : parsed.get("@graph")) {
                if (isArticle(item)) {
                    return item;
                }
            }
            return null;
        }
        return isArticle(parsed) ? parsed : null;
    }

    private static boolean hasSchemaContext(JsonNode node, JsonNode container) {
        JsonNode context =
                node.has("@context") || container == null ? node.path("@context") : container.path("@context");
        if (context.isTextual()) {
            return SCHEMA_ORG.matcher(context.asText()).matches();
        }
        return context.isObject()
                && context.path("@vocab").isTextual()
                && SCHEMA_ORG.matcher(context.path("@vocab").asText()).matches();
    }

    private static boolean isArticle(JsonNode node) {
        JsonNode type = node.path("@type");
        if (type.isArray()) {
            for (JsonNode t : type) {
                if (t.isTextual() && ARTICLE_TYPES.matcher(t.asText()).matches()) {
                    return true;
                }
            }
            return false;
        }
        return type.isTextual() && ARTICLE_TYPES.matcher(type.asText()).matches();
    }

    private static JsonLd toJsonLd(JsonNode a, Document doc) {
        String name = text(a.path("name"));
        String headline = text(a.path("headline"));
        String title;
        if (name != null && headline != null && !name.equals(headline)) {
            String pageTitle = TitleFinder.find(doc);
            boolean nameMatches = TextSimilarity.of(name, pageTitle) > 0.75;
            boolean headlineMatches = TextSimilarity.of(headline, pageTitle) > 0.75;
            title = headlineMatches && !nameMatches ? headline : name;
        } else {
            title = name != null ? name : headline;
        }
        return new JsonLd(
                title,
                authors(a.path("author")),
                text(a.path("description")),
                text(a.path("publisher").path("name")),
                text(a.path("datePublished")),
                text(a.path("articleBody")));
    }

    private static String authors(JsonNode author) {
        if (author.path("name").isTextual()) {
            return author.path("name").asText().trim();
        }
        if (author.isArray()) {
            List<String> names = new ArrayList<>();
            for (JsonNode a : author) {
                if (a.path("name").isTextual()) {
                    names.add(a.path("name").asText().trim());
                }
            }
            return names.isEmpty() ? null : String.join(", ", names);
        }
        return null;
    }

    private static String text(JsonNode node) {
        return node.isTextual() ? node.asText().trim() : null;
    }
}
