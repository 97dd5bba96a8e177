package dev.mana.extract.content;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns a page's HTML into its main content as Markdown (and text, HTML, links, images) with its
 * metadata. Pure and thread-safe: no network, no shared mutable state.
 */
public final class ContentExtractor {

    /**
     * Extracts from HTML.
     *
     * @param html the page
     * @param baseUrl the page's URL, for absolute links; may be null
     * @throws IllegalArgumentException when a CSS selector in the options does not parse
     * @throws PageTooDeep when the page nests elements deeper than browsers do
     */
    public ExtractedContent extract(String html, URI baseUrl, ExtractOptions options) {
        Document doc = Jsoup.parse(html, baseUrl == null ? "" : baseUrl.toString());
        PageTooDeep.check(doc);
        UrlResolver urls = new UrlResolver(doc.baseUri());
        JsonLdReader.JsonLd jsonLd = JsonLdReader.read(doc);
        PageMetadata metadata = PageMetadata.read(doc, jsonLd);
        ContentSelection.exclude(doc, options.excludeSelectors());
        DocumentPrep.prepare(doc);
        List<String> links = options.wants(Format.LINKS) ? pageLinks(doc, urls) : null;

        Element content;
        String byline = metadata.byline();
        if (!options.includeSelectors().isEmpty()) {
            content = ContentSelection.include(doc, options.includeSelectors());
        } else if (options.onlyMainContent()) {
            ArticleGrabber.Grabbed grabbed = new ArticleGrabber().grab(doc, metadata.title(), metadata.byline());
            content = grabbed.article();
            byline = byline != null ? byline : grabbed.byline();
        } else {
            content = doc.body();
        }

        String text = new MarkdownWriter(urls, true).write(content);
        String excerpt = metadata.excerpt() != null ? metadata.excerpt() : firstParagraph(content);
        return new ExtractedContent(
                metadata.title(),
                byline,
                metadata.siteName(),
                metadata.lang(),
                metadata.publishedTime(),
                excerpt,
                options.wants(Format.MARKDOWN) ? new MarkdownWriter(urls, false).write(content) : null,
                options.wants(Format.TEXT) ? text : null,
                options.wants(Format.HTML) ? ContentHtml.of(content, urls) : null,
                links,
                options.wants(Format.IMAGES) ? images(content, urls) : null,
                WordCount.of(text));
    }

    /** Extracts from a text/plain page: the text is the content, the first line the title. */
    public ExtractedContent extractPlainText(String body, ExtractOptions options) {
        String text = body.replace("\r\n", "\n").strip();
        String title = text.lines().findFirst().map(String::strip).orElse(null);
        return new ExtractedContent(
                title,
                null,
                null,
                null,
                null,
                null,
                options.wants(Format.MARKDOWN) ? text : null,
                options.wants(Format.TEXT) ? text : null,
                null,
                options.wants(Format.LINKS) ? List.of() : null,
                options.wants(Format.IMAGES) ? List.of() : null,
                WordCount.of(text));
    }

    private static String firstParagraph(Element content) {
        for (Element p : content.getElementsByTag("p")) {
            String text = DomText.trim(DomText.textContent(p));
            if (!text.isEmpty()) {
                return text;
            }
        }
        return null;
    }

    private static List<String> pageLinks(Document doc, UrlResolver urls) {
        Set<String> links = new LinkedHashSet<>();
        for (Element a : doc.select("a[href]")) {
            String href = urls.link(a.attr("href"));
            if (href != null && !href.startsWith("mailto:")) {
                links.add(href);
            }
        }
        return new ArrayList<>(links);
    }

    private static List<String> images(Element content, UrlResolver urls) {
        Set<String> images = new LinkedHashSet<>();
        for (Element img : content.getElementsByTag("img")) {
            String src = urls.image(img);
            if (src != null) {
                images.add(src);
            }
        }
        return new ArrayList<>(images);
    }
}
