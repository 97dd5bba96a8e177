package dev.mana.extract.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.extract.cache.ExtractionCache;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.service.BulkExtraction;
import dev.mana.extract.service.ExtractionWork;
import dev.mana.extract.service.PageExtraction;
import dev.mana.extract.testing.Bodies;
import dev.mana.extract.testing.LoopbackSite;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.Caller;
import dev.mana.platform.Headers;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.usage.UsageMeter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/**
 * A bulk request that fails after some of its URLs were charged (here: DynamoDB's connection
 * drops on the second charge) answers no result, so it must keep no credit: every charge it made
 * is refunded, and a retry without an Idempotency-Key pays once, not twice.
 */
@ExtendWith(AwsEmulatorExtension.class)
class BulkChargeSecurityTest {
    static EmulatedStack stack;
    static LoopbackSite site;

    @BeforeAll
    static void start(EmulatedStack s) {
        stack = s;
        site = LoopbackSite.start();
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    /** The real DynamoDB client, whose {@code failing}-th transaction never reaches the table. */
    static DynamoDbClient droppingTransaction(int failing) {
        DynamoDbClient real = stack.clients().dynamoDb();
        var transactions = new AtomicInteger();
        return (DynamoDbClient) Proxy.newProxyInstance(
                DynamoDbClient.class.getClassLoader(), new Class<?>[] {DynamoDbClient.class}, (proxy, method, args) -> {
                    if (method.getName().equals("transactWriteItems") && transactions.incrementAndGet() == failing) {
                        throw SdkClientException.create("connection reset");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    static BulkExtractRoute route(DynamoDbClient dynamo) {
        var clients = stack.clients();
        var cache = new ExtractionCache(
                clients.dynamoDb(),
                stack.ref("CacheTable"),
                clients.s3(),
                stack.ref("DataBucket"),
                Duration.ofDays(1),
                InstantSource.system());
        var extraction = new PageExtraction(
                new PageFetcher(FetchPolicy.withAllowCidrs("127.0.0.0/8")),
                new ContentExtractor(),
                cache,
                InstantSource.system(),
                new ExtractionWork(ExtractionWork.DEFAULT_BUDGET));
        var billing = new Billing(
                new CreditLedger(dynamo, stack.ref("CreditsTable")),
                new UsageMeter(clients.dynamoDb(), stack.ref("UsageTable")));
        return new BulkExtractRoute(
                new BulkExtraction(extraction, ExtractRoutes.BULK_PARALLELISM, ExtractRoutes.BULK_BUDGET),
                new ExtractBilling(billing));
    }

    static ApiRequest bulk(String account, List<String> urls) {
        return new ApiRequest(
                "POST",
                "/v1/extract/bulk",
                Map.of(),
                Map.of(),
                Headers.of(Map.of("Content-Type", "application/json")),
                Bodies.bulk(urls).getBytes(StandardCharsets.UTF_8),
                new Caller(account, "key_test", "free"),
                "req-bulk-refund",
                "127.0.0.1");
    }

    @Test
    void aBulkRequestFailingAfterSomeCharges_refundsThemAll_soARetryPaysOnce() {
        var ledger = new CreditLedger(stack.clients().dynamoDb(), stack.ref("CreditsTable"));
        String account = "acct_bulkrefund";
        ledger.grant(account, 10, "test grant", "grant-" + account);
        List<String> urls = List.of(
                site.page("/r1", "article.html"), site.page("/r2", "article.html"), site.page("/r3", "article.html"));

        Throwable failed = catchThrowable(() -> route(droppingTransaction(2)).handle(bulk(account, urls)));

        assertThat(failed).isInstanceOf(SdkClientException.class);
        assertThat(ledger.balance(account).balance()).isEqualTo(10);

        var retried = route(stack.clients().dynamoDb()).handle(bulk(account, urls));

        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.headers().get("X-Credits-Charged")).isEqualTo("3");
        assertThat(ledger.balance(account).balance()).isEqualTo(7);
    }
}
