package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.ExtractFunction;
import dev.mana.extract.testing.Fixtures;
import dev.mana.extract.testing.LoopbackSite;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Object;

/** The cache: DynamoDB items, S3 for large answers, maxAgeSeconds, keyed by URL and options. */
@ExtendWith(AwsEmulatorExtension.class)
class ExtractRouteCacheTest {

    static ExtractFunction extract;
    static LoopbackSite site;
    static String account;
    static DynamoDbClient dynamo;
    static S3Client s3;
    static String cacheTable;
    static String bucket;

    @BeforeAll
    static void start(EmulatedStack stack) {
        site = LoopbackSite.start();
        extract = new ExtractFunction(stack, ExtractFunction.LOOPBACK);
        account = extract.account(1_000);
        dynamo = stack.clients().dynamoDb();
        s3 = stack.clients().s3();
        cacheTable = stack.ref("CacheTable");
        bucket = stack.ref("DataBucket");
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void secondExtraction_isACacheHit_withoutASecondUpstreamRequest() {
        String url = site.page("/cached", "article.html");

        JsonNode first = extract.extract(account, Bodies.extract(url)).json();
        var second = extract.extract(account, Bodies.extract(url.replace("http://", "HTTP://") + "#intro"));

        assertThat(second.status()).as(second.text()).isEqualTo(200);
        JsonNode hit = second.json();
        assertThat(hit.path("cached").asBoolean()).isTrue();
        assertThat(first.path("cached").asBoolean()).isFalse();
        assertThat(hit.path("url").asText()).endsWith("/cached#intro");
        assertThat(hit.path("markdown")).isEqualTo(first.path("markdown"));
        assertThat(hit.path("fetchedAt")).isEqualTo(first.path("fetchedAt"));
        assertThat(site.hits("/cached")).isEqualTo(1);
    }

    @Test
    void maxAgeSecondsZero_forcesAFetch() {
        String url = site.page("/forced", "article.html");
        extract.extract(account, Bodies.extract(url));

        var again = extract.extract(account, Bodies.extract(url, Map.of("maxAgeSeconds", 0)));

        assertThat(again.json().path("cached").asBoolean()).isFalse();
        assertThat(site.hits("/forced")).isEqualTo(2);
    }

    @Test
    void anAnswerOlderThanMaxAgeSeconds_isFetchedAgain() throws InterruptedException {
        String url = site.page("/aged", "second.html");
        extract.extract(account, Bodies.extract(url));
        Thread.sleep(1_200);

        var again = extract.extract(account, Bodies.extract(url, Map.of("maxAgeSeconds", 1)));
        var fresh = extract.extract(account, Bodies.extract(url, Map.of("maxAgeSeconds", 60)));

        assertThat(again.json().path("cached").asBoolean()).isFalse();
        assertThat(fresh.json().path("cached").asBoolean()).isTrue();
        assertThat(site.hits("/aged")).isEqualTo(2);
    }

    @Test
    void optionsThatChangeTheAnswer_haveACacheEntryOfTheirOwn_andTimeoutDoesNot() {
        String url = site.page("/keyed", "article.html");
        extract.extract(account, Bodies.extract(url));

        var text = extract.extract(account, Bodies.extract(url, Map.of("formats", List.of("text"))));
        var slower = extract.extract(account, Bodies.extract(url, Map.of("timeoutMs", 20_000)));

        assertThat(text.json().path("cached").asBoolean()).isFalse();
        assertThat(text.json().has("markdown")).isFalse();
        assertThat(slower.json().path("cached").asBoolean()).isTrue();
        assertThat(site.hits("/keyed")).isEqualTo(2);
    }

    @Test
    void anAnswerOverTheItemLimit_isStoredInS3_andServedFromTheCache() {
        String url = site.body(
                "/big", 200, "text/html; charset=utf-8", Fixtures.repeated("long-article.html", 2_500), Duration.ZERO);

        var first = extract.extract(account, Bodies.extract(url));
        var second = extract.extract(account, Bodies.extract(url));

        assertThat(first.status()).as(first.text()).isEqualTo(200);
        String markdown = first.json().path("markdown").asText();
        assertThat(markdown.length()).isGreaterThan(400 * 1024);
        assertThat(second.json().path("cached").asBoolean()).isTrue();
        assertThat(second.json().path("markdown").asText()).isEqualTo(markdown);
        assertThat(site.hits("/big")).isEqualTo(1);
        List<String> objects = s3.listObjectsV2(b -> b.bucket(bucket).prefix("cache/extract/")).contents().stream()
                .map(S3Object::key)
                .toList();
        assertThat(objects).singleElement().asString().matches("cache/extract/v2/[0-9a-f]{64}\\.json");
        List<Map<String, AttributeValue>> pointing = dynamo.scanPaginator(b -> b.tableName(cacheTable)).items().stream()
                .filter(item -> item.containsKey("bodyKey"))
                .toList();
        assertThat(pointing).singleElement().satisfies(item -> {
            assertThat(item.get("bodyKey").s()).isEqualTo(objects.get(0));
            assertThat(item).doesNotContainKey("body");
            assertThat(Long.parseLong(item.get("ttl").n())).isGreaterThan(System.currentTimeMillis() / 1000);
        });
    }
}
