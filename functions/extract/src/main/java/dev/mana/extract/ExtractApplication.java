package dev.mana.extract;

import dev.mana.extract.api.ExtractRoutes;
import dev.mana.extract.cache.ExtractionCache;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.service.PageExtraction;
import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.usage.UsageMeter;
import java.time.Duration;
import java.time.InstantSource;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The extract function: {@code POST /v1/extract} and {@code POST /v1/extract/bulk}. Registered
 * functionally; Lambda runs it through Spring Cloud Function's FunctionInvoker.
 */
@SpringBootConfiguration
public class ExtractApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /** Comma-separated CIDRs the fetcher's SSRF guard lets through; empty (nothing private) by default. */
    public static final String ALLOW_CIDRS_VARIABLE = "MANA_FETCH_ALLOW_CIDRS";

    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "extract", ExtractApplication::api);
    }

    /** Built once per container, at init: clients, cache, fetcher, ledger, then the routes. */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var cache = new ExtractionCache(
                dynamo,
                Environment.require("CACHE_TABLE"),
                aws.s3(),
                Environment.require("DATA_BUCKET"),
                Duration.ofSeconds(Environment.getInt(
                        ExtractionCache.TTL_VARIABLE, (int) ExtractionCache.DEFAULT_RETENTION.toSeconds())),
                InstantSource.system());
        var fetcher = new PageFetcher(FetchPolicy.withAllowCidrs(Environment.get(ALLOW_CIDRS_VARIABLE, "")));
        var extraction = new PageExtraction(fetcher, new ContentExtractor(), cache, InstantSource.system());
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var billing = new Billing(ledger, new UsageMeter(dynamo, Environment.require("USAGE_TABLE")));
        return new ApiFunction("extract", new Router(ExtractRoutes.of(extraction, billing, ledger)));
    }
}
