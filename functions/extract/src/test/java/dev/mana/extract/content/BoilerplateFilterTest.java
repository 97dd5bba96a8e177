package dev.mana.extract.content;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class BoilerplateFilterTest {

    private static final URI BASE = URI.create("https://gazette.example/news/floating-harbour");
    private static final String[] PROSE = {
        "When the storm of 1953 broke the old sea wall",
        "Seventy years later the pontoons still carry the fish market",
        "Maintenance is the price of the idea"
    };
    private static String page;
    private final ContentExtractor extractor = new ContentExtractor();

    @BeforeAll
    static void load() throws IOException {
        try (InputStream in = BoilerplateFilterTest.class.getResourceAsStream("/site/boilerplate-article.html")) {
            page = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private ExtractedContent extract(Favor favor) {
        return extractor.extract(page, BASE, ExtractOptions.defaults().withFavor(favor));
    }

    @Test
    void balanced_keepsTheArticleAndDropsItsFurniture() {
        String md = extract(Favor.BALANCED).markdown();
        assertThat(md).contains(PROSE).contains("The floating quay at low tide");
        assertThat(md)
                .doesNotContain(
                        "By Jane Harbour",
                        "Updated: 12 March",
                        "WhatsApp",
                        "Getty Images",
                        "Image 1 of 8",
                        "Read more",
                        "Related articles",
                        "Why the old sea wall failed",
                        "newsletter",
                        "Comments are closed",
                        "About the author",
                        "does not float",
                        "01234 567890");
    }

    @Test
    void balanced_keepsBylineAndDateInTheMetadata() {
        ExtractedContent got = extract(Favor.BALANCED);
        assertThat(got.byline()).isEqualTo("Jane Harbour");
        assertThat(got.publishedAt()).isEqualTo("2024-03-12T10:15:00Z");
    }

    @Test
    void precision_alsoDropsCaptions() {
        String md = extract(Favor.PRECISION).markdown();
        assertThat(md).contains(PROSE).doesNotContain("The floating quay at low tide", "Related articles");
    }

    @Test
    void recall_keepsWhatTheMainContentChoiceKept() {
        String md = extract(Favor.RECALL).markdown();
        assertThat(md).contains(PROSE).contains("Related articles", "Sign up for our newsletter", "Image 1 of 8");
    }
}
