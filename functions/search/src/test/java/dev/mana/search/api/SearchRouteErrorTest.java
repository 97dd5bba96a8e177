package dev.mana.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.search.testing.SearchFunction;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Bad input and missing callers answer problem+json naming what to fix; nothing reaches an engine. */
@ExtendWith(AwsEmulatorExtension.class)
class SearchRouteErrorTest {

    static SearchFunction search;

    @BeforeAll
    static void start(EmulatedStack stack) {
        search = new SearchFunction(stack);
    }

    @AfterAll
    static void stop() {
        search.close();
    }

    @ParameterizedTest(name = "{0} -> {1} {2} {3}")
    @CsvSource(
            delimiter = '|',
            quoteCharacter = '`',
            value = {
                "{\"query\":\"\"}                                              | 422 | invalid_field | query",
                "{\"query\":\"   \"}                                           | 422 | invalid_field | query",
                "{\"options\":{\"limit\":5}}                                   | 422 | invalid_field | query",
                "{\"query\":\"x\",\"options\":{\"engines\":[\"altavista\"]}}      | 422 | invalid_field | options.engines",
                "{\"query\":\"x\",\"options\":{\"categories\":[\"music\"]}}    | 422 | invalid_field | options.categories",
                "{\"query\":\"x\",\"options\":{\"limit\":0}}                   | 422 | invalid_field | options.limit",
                "{\"query\":\"x\",\"options\":{\"limit\":51}}                  | 422 | invalid_field | options.limit",
                "{\"query\":\"x\",\"options\":{\"page\":11}}                   | 422 | invalid_field | options.page",
                "{\"query\":\"x\",\"options\":{\"safesearch\":3}}              | 422 | invalid_field | options.safesearch",
                "{\"query\":\"x\",\"options\":{\"timeRange\":\"decade\"}}      | 422 | invalid_field | options.timeRange",
                "{\"query\":\"x\",\"options\":{\"includeDomains\":[\"a b\"]}}  | 422 | invalid_field | options.includeDomains",
                "{\"query\":\"x\",\"options\":{\"limit\":\"ten\"}}             | 400 | invalid_type  | options.limit",
                "{\"query\":\"x\",\"options\":{\"limit\":2.5}}                 | 400 | invalid_type  | options.limit",
                "{\"query\":42}                                                | 400 | invalid_type  | query",
                "{\"query\":\"x\",\"options\":{\"page\":true}}                 | 400 | invalid_type  | options.page",
                "{\"query\":\"x\",\"options\":{\"limit\":9999999999}}          | 400 | invalid_type  | options.limit",
                "{\"query\":\"x\",\"options\":{\"language\":7}}                | 400 | invalid_type  | options.language",
                "{\"query\":\"x\",\"options\":{\"engines\":[1]}}               | 400 | invalid_type  | options.engines[0]",
                "{\"query\":\"x\",\"options\":{\"engines\":\"brave\"}}         | 400 | invalid_type  | options.engines",
                "{\"query\":\"x\",\"option\":{}}                               | 400 | unknown_field | option",
                "{\"query\":\"x\",\"options\":{\"max\":3}}                     | 400 | unknown_field | options.max",
            })
    void badBody_answersProblemJsonNamingTheField(String body, int status, String code, String field) {
        var response = search.search(body.strip());

        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.json().path("detail").asText()).isNotBlank();
    }

    @Test
    void queryOf2000Characters_answers422NamingQuery() {
        var response = search.search("{\"query\":\"" + "a".repeat(2000) + "\"}");

        assertThat(response.status()).isEqualTo(422);
        assertThat(response.json().path("field").asText()).isEqualTo("query");
        assertThat(response.json().path("detail").asText()).contains("500");
    }

    @Test
    void malformedJson_answers400WithLineAndColumn() {
        var response = search.search("{\"query\": ");

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("code").asText()).isEqualTo("malformed_json");
    }

    @Test
    void badInput_isRefusedBeforeAnyEngineIsAsked() {
        int asked = search.engines.wikipedia.requests().size();

        search.search("{\"query\":\"x\",\"options\":{\"limit\":99}}");

        assertThat(search.engines.wikipedia.requests()).hasSize(asked);
    }

    @Test
    void search_withoutCaller_answers401() {
        var response = search.call(ProxyEvent.request("POST", "/v1/search").json("{\"query\":\"rust\"}"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void engines_withoutCaller_answers401() {
        var response = search.call(ProxyEvent.request("GET", "/v1/search/engines"));

        assertThat(response.status()).isEqualTo(401);
        assertThat(response.json().path("code").asText()).isEqualTo("unauthenticated");
    }

    @Test
    void search_withBadIdempotencyKey_answers400NamingTheHeader() {
        var response = search.call(ProxyEvent.request("POST", "/v1/search")
                .json("{\"query\":\"rust\"}")
                .header("Idempotency-Key", "x".repeat(300))
                .caller(SearchFunction.ACCOUNT, "key_test", "free"));

        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().path("parameter").asText()).isEqualTo("Idempotency-Key");
    }

    @Test
    void oversizeBody_answers413() {
        var response = search.search("{\"query\":\"" + "a".repeat(40_000) + "\"}");

        assertThat(response.status()).isEqualTo(413);
        assertThat(response.json().path("code").asText()).isEqualTo("payload_too_large");
    }

    @Test
    void search_withGet_answers405WithAllow() {
        var response =
                search.call(ProxyEvent.request("GET", "/v1/search").caller(SearchFunction.ACCOUNT, "key_test", "free"));

        assertThat(response.status()).isEqualTo(405);
        assertThat(response.header("Allow")).isEqualTo("POST");
    }
}
