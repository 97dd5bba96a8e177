package dev.mana.search.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.search.cache.DynamoSearchCache;
import dev.mana.search.testing.SearchFunction;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The search function through Lambda's invoker, with loopback engines and the emulated cache table. */
@ExtendWith(AwsEmulatorExtension.class)
class SearchRouteHappyTest {

    static SearchFunction search;
    static DynamoDbClient dynamo;
    static String cacheTable;

    @BeforeAll
    static void start(EmulatedStack stack) {
        search = new SearchFunction(stack);
        dynamo = stack.clients().dynamoDb();
        cacheTable = stack.ref("CacheTable");
    }

    @AfterAll
    static void stop() {
        search.close();
    }

    @Test
    void search_answersFusedResults_andTheSecondIdenticalSearchIsACacheHitFromTheTable() {
        Set<String> before = cacheKeys();

        var first = search.search("{\"query\":\"rust programming language\"}");
        int asked = search.engines.searxng.requests().size();
        var second = search.search("{\"query\":\"  Rust   programming language \"}");

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        assertThat(first.header("Content-Type")).isEqualTo("application/json");
        assertThat(first.header("X-Request-Id")).isNotBlank();
        assertThat(first.header("X-Credits-Charged")).isEqualTo("1");
        JsonNode body = first.json();
        assertThat(body.path("cached").asBoolean()).isFalse();
        assertThat(body.path("results")).isNotEmpty();
        assertThat(body.path("results").get(0).path("engines")).isNotEmpty();
        assertThat(body.path("engines").path("wikipedia").path("status").asText())
                .isEqualTo("ok");
        assertThat(body.path("engines").path("arxiv").isMissingNode()).isTrue();

        assertThat(second.status()).isEqualTo(200);
        assertThat(second.json().path("cached").asBoolean()).isTrue();
        assertThat(second.json().path("query").asText()).isEqualTo("Rust   programming language");
        assertThat(second.json().path("results")).isEqualTo(body.path("results"));
        assertThat(search.engines.searxng.requests()).hasSize(asked);
        Set<String> added = cacheKeys();
        added.removeAll(before);
        assertThat(added).singleElement().asString().startsWith("search:v1:");
    }

    @Test
    void expiredCacheItem_isIgnored_andTheEnginesAreAskedAgain() {
        Set<String> before = cacheKeys();
        search.search("{\"query\":\"expiry probe\"}");
        Set<String> added = cacheKeys();
        added.removeAll(before);
        String key = added.iterator().next();
        // Rewrite the item as if it had been cached two hours ago: DynamoDB has not deleted it yet.
        var now = new DynamoSearchCache(dynamo, cacheTable, Duration.ofHours(1), InstantSource.system());
        var stored = now.get(key).orElseThrow();
        var past = InstantSource.fixed(Instant.now().minus(Duration.ofHours(2)));
        new DynamoSearchCache(dynamo, cacheTable, Duration.ofHours(1), past).put(key, stored);
        int asked = search.engines.wikipedia.requests().size();

        var again = search.search("{\"query\":\"expiry probe\"}");

        assertThat(again.status()).isEqualTo(200);
        assertThat(again.json().path("cached").asBoolean()).isFalse();
        assertThat(search.engines.wikipedia.requests()).hasSize(asked + 1);
        assertThat(now.get(key))
                .as("the fresh answer replaced the expired item")
                .isPresent();
    }

    @Test
    void search_withOptions_asksOnlyTheNamedEngines_andRespectsTheLimit() {
        var response = search.search(
                "{\"query\":\"quantum error correction\",\"options\":{\"engines\":[\"arxiv\"],\"limit\":2}}");

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        JsonNode body = response.json();
        assertThat(body.path("results").size()).isBetween(1, 2);
        List<String> engines = new ArrayList<>();
        body.path("engines").fieldNames().forEachRemaining(engines::add);
        assertThat(engines).containsExactly("arxiv");
    }

    @Test
    void engines_listsEveryEngine_withCategoriesConfigurationAndHealth() {
        search.search("{\"query\":\"health probe\"}");

        var response = search.call(
                ProxyEvent.request("GET", "/v1/search/engines").caller(SearchFunction.ACCOUNT, null, "pro"));

        assertThat(response.status()).isEqualTo(200);
        assertThat(response.header("X-Credits-Charged")).isNull();
        JsonNode engines = response.json().path("engines");
        List<String> names = new ArrayList<>();
        engines.forEach(e -> names.add(e.path("name").asText()));
        assertThat(names).containsExactly("searxng", "wikipedia", "duckduckgo", "brave", "arxiv");
        JsonNode wikipedia = engines.get(1);
        assertThat(wikipedia.path("configured").asBoolean()).isTrue();
        assertThat(wikipedia.path("categories").toString()).isEqualTo("[\"general\",\"science\"]");
        assertThat(wikipedia.path("health").path("circuit").asText()).isEqualTo("closed");
        assertThat(wikipedia.path("health").path("successes").asLong()).isPositive();
    }

    private static Set<String> cacheKeys() {
        return dynamo.scanPaginator(b -> b.tableName(cacheTable)).items().stream()
                .map(item -> item.get("pk").s())
                .collect(Collectors.toSet());
    }
}
