package dev.mana.search.cache;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.search.EngineReport;
import dev.mana.search.SearchResponse;
import dev.mana.search.SearchResult;
import dev.mana.search.testing.ManualClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The cache table as the search function uses it, in the emulator. */
@ExtendWith(AwsEmulatorExtension.class)
class DynamoSearchCacheTest {

    private static final SearchResponse ANSWER = new SearchResponse(
            "rust",
            List.of(new SearchResult(
                    "Rust",
                    "https://www.rust-lang.org/",
                    "A language",
                    List.of("brave", "wikipedia"),
                    0.03,
                    null,
                    null)),
            Map.of("brave", EngineReport.ok(12, 1), "searxng", EngineReport.skipped("not configured")),
            false,
            40);

    private DynamoDbClient dynamo;
    private String table;
    private final ManualClock clock = new ManualClock();
    private DynamoSearchCache cache;

    @BeforeEach
    void setUp(EmulatedStack stack) {
        dynamo = stack.clients().dynamoDb();
        table = stack.ref("CacheTable");
        cache = new DynamoSearchCache(dynamo, table, Duration.ofHours(1), clock);
    }

    @Test
    void put_thenGet_returnsTheAnswer_withTtlAnHourAhead() {
        cache.put("search:v1:aa", ANSWER);

        assertThat(cache.get("search:v1:aa")).contains(ANSWER);
        var item = dynamo.scanPaginator(b -> b.tableName(table)).items().stream()
                .filter(i -> i.get("pk").s().equals("search:v1:aa"))
                .findFirst()
                .orElseThrow();
        assertThat(Long.parseLong(item.get("ttl").n()))
                .isEqualTo(clock.instant().plus(Duration.ofHours(1)).getEpochSecond());
    }

    @Test
    void get_ofAnItemPastItsTtl_isAMiss_thoughDynamoDbHasNotDeletedItYet() {
        cache.put("search:v1:bb", ANSWER);

        clock.advance(Duration.ofMinutes(59));
        assertThat(cache.get("search:v1:bb")).isPresent();
        clock.advance(Duration.ofMinutes(1));
        assertThat(cache.get("search:v1:bb")).isEmpty();
    }

    @Test
    void get_ofAnUnknownKey_isAMiss() {
        assertThat(cache.get("search:v1:never")).isEmpty();
    }

    @Test
    void answerOver400Kb_isNotCached() {
        List<SearchResult> many = new ArrayList<>();
        for (int i = 0; i < 1000; i++) {
            many.add(new SearchResult(
                    "t" + i, "https://example.com/" + i, "s".repeat(500), List.of("brave"), 0.01, null, null));
        }
        cache.put("search:v1:big", new SearchResponse("big", many, Map.of(), false, 1));

        assertThat(cache.get("search:v1:big")).isEmpty();
    }

    @Test
    void ttl_comesFromTheEnvironment_defaultOneHour() {
        var fromEnv = DynamoSearchCache.create(dynamo, table, Map.of());
        fromEnv.put("search:v1:cc", ANSWER);

        assertThat(fromEnv.get("search:v1:cc")).contains(ANSWER);
    }
}
