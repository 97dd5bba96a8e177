package dev.mana.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ContentExtractorHappyTest {

    private static final URI BASE = URI.create("https://coastal.example/news/2024/lighthouses.html");
    private static String page;
    private final ContentExtractor extractor = new ContentExtractor();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = ContentExtractorHappyTest.class.getResourceAsStream("/site/article.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ExtractedContent extract(ExtractOptions options) {
        return extractor.extract(page, BASE, options);
    }

    @Test
    void extract_article_readsMetadataFromJsonLdAndOpenGraph() {
        ExtractedContent got = extract(ExtractOptions.defaults());
        assertThat(got.title()).isEqualTo("How Lighthouses Work");
        assertThat(got.byline()).isEqualTo("Ada Keeper");
        assertThat(got.siteName()).isEqualTo("Coastal Weekly");
        assertThat(got.publishedAt()).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(got.lang()).isEqualTo("en-GB");
        assertThat(got.excerpt()).isEqualTo("A short history of the lighthouse lens.");
    }

    @Test
    void extract_article_dropsNavigationCookieBannerShareBarRelatedCommentsAndFooter() {
        String md = extract(ExtractOptions.defaults()).markdown();
        assertThat(md).contains("Lighthouses have guided ships").contains("Whitespace here is normalised");
        assertThat(md).doesNotContain("Sports", "We use cookies", "Share on", "Other story", "First!", "About");
    }

    @Test
    void extract_article_neverShowsScriptOrStyleText() {
        ExtractedContent got =
                extract(ExtractOptions.defaults().withFormats(Format.MARKDOWN, Format.TEXT, Format.HTML));
        assertThat(got.markdown() + got.text() + got.html()).doesNotContain("secretScript", "secret-style");
    }

    @Test
    void markdown_rendersHeadingsListsAndNestedLists() {
        String md = extract(ExtractOptions.defaults()).markdown();
        assertThat(md).contains("## The parts of a light");
        assertThat(md)
                .contains(
                        "- The lamp, which makes the light\n  - Oil lamps came first\n  - Electric lamps came later\n- The lens, which focuses it");
        assertThat(md).contains("3. Third step\n4. Fourth step");
    }

    @Test
    void markdown_makesLinksAndImagesAbsoluteAndDropsEmptyLinks() {
        String md = extract(ExtractOptions.defaults()).markdown();
        assertThat(md).contains("[Fresnel lens](https://coastal.example/lenses/fresnel)");
        assertThat(md).contains("![A Fresnel lens](https://coastal.example/news/2024/images/lens.jpg)");
        assertThat(md).doesNotContain("/empty").doesNotContain("[]");
    }

    @Test
    void markdown_rendersCodeBlockWithLanguageBlockquoteAndTable() {
        String md = extract(ExtractOptions.defaults()).markdown();
        assertThat(md).contains("```python\ndef rotate(lens):\n    return lens.turn(degrees=360)\n```");
        assertThat(md).contains("> The light must never go out");
        assertThat(md).contains("| Order | Focal length |\n| --- | --- |\n| First | 920 mm |\n| Second | 700 mm |");
        assertThat(md).contains("`inline code`");
    }

    @Test
    void markdown_hasNormalisedWhitespace() {
        String md = extract(ExtractOptions.defaults()).markdown();
        assertThat(md).doesNotContain("\n\n\n").isEqualTo(md.strip());
        // Code and nested list items keep their indentation; past it, single spaces, none trailing.
        assertThat(md.lines().filter(line -> !line.startsWith("    ")))
                .allSatisfy(line ->
                        assertThat(line.stripLeading()).doesNotContain("  ").doesNotEndWith(" "));
    }

    @Test
    void extract_onlyRequestedFormats_areFilled() {
        ExtractedContent got = extract(ExtractOptions.defaults());
        assertThat(got.markdown()).isNotBlank();
        assertThat(got.text()).isNull();
        assertThat(got.html()).isNull();
        assertThat(got.links()).isNull();
        assertThat(got.images()).isNull();
        assertThat(got.wordCount()).isGreaterThan(80);
    }

    @Test
    void extract_linksAndImagesFormats_listAbsoluteUrls() {
        ExtractedContent got = extract(ExtractOptions.defaults().withFormats(Format.LINKS, Format.IMAGES));
        assertThat(got.links()).contains("https://coastal.example/news", "https://coastal.example/lenses/fresnel");
        assertThat(got.images()).containsExactly("https://coastal.example/news/2024/images/lens.jpg");
    }

    @Test
    void extract_wholePage_keepsNavigationAndFooter() {
        String md =
                extract(ExtractOptions.defaults().withOnlyMainContent(false)).markdown();
        assertThat(md)
                .contains("[Sports](https://coastal.example/sports)")
                .contains("Coastal Weekly")
                .contains("Fresnel lens");
    }

    @Test
    void extract_includeSelectors_keepOnlyMatchingElements() {
        var options =
                ExtractOptions.defaults().withSelectors(java.util.List.of("blockquote", "table"), java.util.List.of());
        String md = extract(options).markdown();
        assertThat(md)
                .startsWith("> The light must never go out")
                .contains("| Order |")
                .doesNotContain("Fresnel lens");
    }

    @Test
    void extract_excludeSelectors_removeMatchingElements() {
        var options = ExtractOptions.defaults().withSelectors(java.util.List.of(), java.util.List.of("table", "pre"));
        String md = extract(options).markdown();
        assertThat(md).doesNotContain("| Order |").doesNotContain("def rotate").contains("Fresnel lens");
    }

    @Test
    void extract_plainText_isItsOwnContent() {
        ExtractedContent got =
                extractor.extractPlainText("Title line\r\n\r\nBody words here.\n", ExtractOptions.defaults());
        assertThat(got.title()).isEqualTo("Title line");
        assertThat(got.markdown()).isEqualTo("Title line\n\nBody words here.");
        assertThat(got.wordCount()).isEqualTo(5);
    }
}
