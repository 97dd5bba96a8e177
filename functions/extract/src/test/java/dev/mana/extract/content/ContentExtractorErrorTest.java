package dev.mana.extract.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ContentExtractorErrorTest {

    private final ContentExtractor extractor = new ContentExtractor();

    @Test
    void extract_invalidSelector_isIllegalArgumentNamingIt() {
        var options = ExtractOptions.defaults().withSelectors(List.of("div[["), List.of());
        assertThatThrownBy(() -> extractor.extract("<p>x</p>", null, options))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("div[[");
    }

    @Test
    void extract_emptyPage_givesEmptyContentNotAnError() {
        ExtractedContent got = extractor.extract("", null, ExtractOptions.defaults());
        assertThat(got.markdown()).isEmpty();
        assertThat(got.wordCount()).isZero();
        assertThat(got.title()).isEmpty();
    }

    @Test
    void extract_javascriptLinks_areRenderedAsTextOnly() {
        String html =
                "<p>Click <a href=\"javascript:alert(1)\">here</a> and <a href=\"data:text/html,x\">there</a>.</p>";
        String md = extractor.extract(html, null, ExtractOptions.defaults()).markdown();
        assertThat(md).isEqualTo("Click here and there.");
    }

    @Test
    void markdown_pageTextThatLooksLikeSyntax_isEscaped() {
        String html = "<p># not a heading</p><p>1. not a list and *not emphasis* [not a link]</p>";
        String md = extractor
                .extract(html, null, ExtractOptions.defaults().withOnlyMainContent(false))
                .markdown();
        assertThat(md).isEqualTo("\\# not a heading\n\n1\\. not a list and \\*not emphasis\\* \\[not a link\\]");
    }
}
