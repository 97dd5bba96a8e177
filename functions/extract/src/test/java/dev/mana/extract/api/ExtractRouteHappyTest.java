package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.LoopbackSite;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** POST /v1/extract through Lambda's invoker, fetching fixture pages from a loopback site. */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractRouteHappyTest {

    static ExtractFunction extract;
    static LoopbackSite site;
    static String account;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
        account = extract.account(1_000);
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void extract_answersTheMainContentAsMarkdown_withItsMetadata() {
        String url = site.page("/lighthouses", "article.html");

        var response = extract.extract(account, Bodies.extract(url));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("Content-Type")).isEqualTo("application/json");
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        JsonNode body = response.json();
        assertThat(body.path("url").asText()).isEqualTo(url);
        assertThat(body.path("finalUrl").asText()).isEqualTo(url);
        assertThat(body.path("statusCode").asInt()).isEqualTo(200);
        assertThat(body.path("title").asText()).isEqualTo("How Lighthouses Work");
        assertThat(body.path("byline").asText()).isEqualTo("Ada Keeper");
        assertThat(body.path("siteName").asText()).isEqualTo("Coastal Weekly");
        assertThat(body.path("lang").asText()).isEqualTo("en-GB");
        assertThat(body.path("publishedAt").asText()).isEqualTo("2024-03-01T09:00:00Z");
        assertThat(body.path("excerpt").asText()).isEqualTo("A short history of the lighthouse lens.");
        String markdown = body.path("markdown").asText();
        assertThat(markdown)
                .contains("[Fresnel lens](" + site.url("/lenses/fresnel") + ")")
                .contains("```python")
                .contains("| Order | Focal length |")
                .doesNotContain("We use cookies")
                .doesNotContain("secretScript")
                .doesNotContain("First! Great article");
        assertThat(body.path("wordCount").asInt()).isGreaterThan(80);
        assertThat(body.path("fetchedAt").asText()).isNotBlank();
        assertThat(body.path("cached").asBoolean()).isFalse();
        assertThat(fieldNames(body)).doesNotContain("text", "html", "links", "images");
    }

    @Test
    void everyFormat_isAnsweredWhenAskedFor() {
        String url = site.page("/formats", "article.html");

        var response = extract.extract(
                account,
                Bodies.extract(url, Map.of("formats", List.of("markdown", "text", "html", "links", "images"))));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("text").asText())
                .contains("Lighthouses have guided ships")
                .doesNotContain("](");
        assertThat(body.path("html").asText()).contains("<p>").doesNotContain("<script");
        assertThat(texts(body.path("links"))).contains(site.url("/lenses/fresnel"));
        assertThat(texts(body.path("images"))).containsExactly(site.url("/images/lens.jpg"));
    }

    @Test
    void metadataAPageLacks_isNull_notAbsent() {
        String url = site.page("/knots", "notes.txt");

        var response = extract.extract(account, Bodies.extract(url));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("title").asText()).isEqualTo("Knots and their uses");
        assertThat(body.path("markdown").asText()).contains("A bowline makes a fixed loop");
        assertThat(body.has("byline")).isTrue();
        assertThat(body.path("byline").isNull()).isTrue();
    }

    @Test
    void onlyMainContentFalse_keepsTheWholePage() {
        String url = site.page("/whole", "article.html");

        var main = extract.extract(account, Bodies.extract(url)).json();
        var whole = extract.extract(account, Bodies.extract(url, Map.of("onlyMainContent", false)))
                .json();

        assertThat(main.path("markdown").asText()).doesNotContain("Coastal Weekly [About]");
        assertThat(whole.path("markdown").asText())
                .contains("Lighthouses have guided ships")
                .contains("[About](" + site.url("/about") + ")");
        assertThat(whole.path("wordCount").asInt())
                .isGreaterThan(main.path("wordCount").asInt());
    }

    @Test
    void selectors_includeOnlyWhatMatches_andExcludeWhatMatches() {
        String url = site.page("/selectors", "article.html");

        var included = extract.extract(account, Bodies.extract(url, Map.of("includeSelectors", List.of("blockquote"))))
                .json();
        var excluded = extract.extract(
                        account, Bodies.extract(url, Map.of("excludeSelectors", List.of("table", "pre"))))
                .json();

        assertThat(included.path("markdown").asText())
                .contains("The light must never go out")
                .doesNotContain("Keepers once");
        assertThat(excluded.path("markdown").asText())
                .contains("Keepers once")
                .doesNotContain("Focal length")
                .doesNotContain("def rotate");
    }

    @Test
    void redirects_areFollowed_andLinksResolveAgainstTheFinalUrl() {
        String target = site.page("/news/lighthouses", "article.html");
        String moved = site.redirect("/moved", target);

        var response = extract.extract(account, Bodies.extract(moved));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.json().path("url").asText()).isEqualTo(moved);
        assertThat(response.json().path("finalUrl").asText()).isEqualTo(target);
        assertThat(response.json().path("markdown").asText())
                .contains("![A Fresnel lens](" + site.url("/news/images/lens.jpg") + ")");
    }

    static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    static List<String> texts(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asText()));
        return values;
    }
}
