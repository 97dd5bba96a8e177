package dev.mana.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mana.search.internal.SearchValidator;
import dev.mana.search.internal.ValidSearch;
import dev.mana.search.testing.LoopbackEngines;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad input fails with a {@link SearchValidationException} naming the field, before any engine is asked. */
class SearchValidationTest {

    private static final LoopbackEngines ENGINES = new LoopbackEngines();
    private static final MetaSearch SEARCH = ENGINES.metaSearch();
    private static final SearchOptions NONE = SearchOptions.defaults();

    @AfterAll
    static void stop() {
        ENGINES.close();
    }

    static Stream<Arguments> badRequests() {
        return Stream.of(
                Arguments.of("missing query", new SearchRequest(null, null), "query"),
                Arguments.of("empty query", SearchRequest.of(""), "query"),
                Arguments.of("blank query", SearchRequest.of("   \t "), "query"),
                Arguments.of("2,000-character query", SearchRequest.of("a".repeat(2000)), "query"),
                Arguments.of("501-character query", SearchRequest.of("a".repeat(501)), "query"),
                Arguments.of(
                        "unknown category",
                        req(NONE.withCategories(List.of("general", "music"))),
                        "options.categories"),
                Arguments.of(
                        "null category",
                        req(NONE.withCategories(java.util.Arrays.asList((String) null))),
                        "options.categories"),
                Arguments.of("unknown engine", req(NONE.withEngines(List.of("altavista"))), "options.engines"),
                Arguments.of("limit 0", req(NONE.withLimit(0)), "options.limit"),
                Arguments.of("limit 51", req(NONE.withLimit(51)), "options.limit"),
                Arguments.of("page 0", req(NONE.withPage(0)), "options.page"),
                Arguments.of("page 11", req(NONE.withPage(11)), "options.page"),
                Arguments.of("safesearch 3", req(NONE.withSafesearch(3)), "options.safesearch"),
                Arguments.of("safesearch -1", req(NONE.withSafesearch(-1)), "options.safesearch"),
                Arguments.of("timeRange decade", req(NONE.withTimeRange("decade")), "options.timeRange"),
                Arguments.of("language with a dot", req(NONE.withLanguage("en.evil.com")), "options.language"),
                Arguments.of(
                        "include a URL, not a domain",
                        req(NONE.withIncludeDomains(List.of("https://a.com/x"))),
                        "options.includeDomains"),
                Arguments.of(
                        "exclude an empty domain",
                        req(NONE.withExcludeDomains(List.of(""))),
                        "options.excludeDomains"));
    }

    private static SearchRequest req(SearchOptions options) {
        return new SearchRequest("rust", options);
    }

    @ParameterizedTest(name = "{0} names {2}")
    @MethodSource("badRequests")
    void badInput_failsNamingTheField_andAsksNoEngine(String why, SearchRequest request, String field) {
        int before = ENGINES.searxng.requests().size();

        SearchValidationException e =
                catchThrowableOfType(SearchValidationException.class, () -> SEARCH.search(request));

        assertThat(e).as(why).isNotNull();
        assertThat(e.field()).isEqualTo(field);
        assertThat(e.getMessage()).isNotBlank();
        assertThat(ENGINES.searxng.requests()).hasSize(before);
    }

    @Test
    void unknownEngine_messageListsTheKnownEngines() {
        assertThatThrownBy(() -> SEARCH.search(req(NONE.withEngines(List.of("altavista")))))
                .hasMessage("unknown engine 'altavista'; known: arxiv, brave, duckduckgo, searxng, wikipedia,"
                        + " or a SearXNG engine (GET /v1/search/engines lists them)");
    }

    @Test
    void tooLongQuery_messageSaysTheLimitAndTheLength() {
        assertThatThrownBy(() -> SEARCH.search(SearchRequest.of("a".repeat(2000))))
                .hasMessage("query must be at most 500 characters, got 2000");
    }

    @Test
    void missingOptions_takeTheDocumentedDefaults() {
        ValidSearch s = new SearchValidator(Set.of("brave")).validate(SearchRequest.of(" rust "));

        assertThat(s.query()).isEqualTo("rust");
        assertThat(s.categories()).containsExactly(Category.GENERAL);
        assertThat(s.engines()).isEmpty();
        assertThat(List.of(s.limit(), s.page(), s.safesearch())).containsExactly(10, 1, 1);
        assertThat(s.language()).isNull();
        assertThat(s.timeRange()).isNull();
    }

    @Test
    void boundaryValues_areAccepted() {
        SearchResponse response = SEARCH.search(new SearchRequest(
                " " + "a".repeat(500) + " ",
                NONE.withLimit(50)
                        .withPage(10)
                        .withSafesearch(0)
                        .withTimeRange("YEAR")
                        .withLanguage("de-CH")
                        .withCategories(List.of("General"))));

        assertThat(response.query()).hasSize(500);
        assertThat(SEARCH.search(req(NONE.withLimit(1).withSafesearch(2))).results())
                .hasSize(1);
    }
}
