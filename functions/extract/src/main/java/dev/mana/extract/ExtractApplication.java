package dev.mana.extract;

import dev.mana.extract.api.BatchExtractRoute;
import dev.mana.extract.api.ExtractRoutes;
import dev.mana.extract.api.OptionsBody;
import dev.mana.extract.batch.BatchExtractProcessor;
import dev.mana.extract.batch.BatchInputs;
import dev.mana.extract.batch.ItemStorage;
import dev.mana.extract.cache.ExtractionCache;
import dev.mana.extract.content.ContentExtractor;
import dev.mana.extract.service.ExtractionWork;
import dev.mana.extract.service.PageExtraction;
import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Route;
import dev.mana.platform.Router;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.fetch.FetchPolicy;
import dev.mana.platform.fetch.PageFetcher;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.jobs.worker.DeadLetters;
import dev.mana.platform.jobs.worker.JobQueue;
import dev.mana.platform.jobs.worker.OutboxSweep;
import dev.mana.platform.jobs.worker.SqsJobHandler;
import dev.mana.platform.jobs.worker.Worker;
import dev.mana.platform.jobs.worker.WorkerSettings;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.platform.webhooks.JobWebhooks;
import dev.mana.platform.webhooks.WebhookTarget;
import java.time.Duration;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The extract function: {@code POST /v1/extract}, {@code /v1/extract/bulk} and {@code
 * /v1/extract/batch}; and, from the same jar, the batch worker ({@code extractWorker}, on
 * ExtractQueue), its dead-letter handler ({@code extractDeadLetters}, on ExtractDeadLetterQueue) and
 * the job outbox's sweep ({@code extractOutboxSweep}, every minute).
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} names the bean a Lambda function runs; only that bean
 * is registered, so each starts only what it needs. Lambda runs it through FunctionInvoker.
 */
@SpringBootConfiguration
public class ExtractApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /** Comma-separated CIDRs the fetcher's SSRF guard lets through; empty (nothing private) by default. */
    public static final String ALLOW_CIDRS_VARIABLE = "MANA_FETCH_ALLOW_CIDRS";
    /** Item answers over this many bytes of JSON go to S3 (DynamoDB items are at most 400 KB). */
    public static final String ITEM_INLINE_BYTES_VARIABLE = "MANA_EXTRACT_ITEM_INLINE_BYTES";

    public static final String WORKER = "extractWorker";
    public static final String DEAD_LETTERS = "extractDeadLetters";
    public static final String OUTBOX_SWEEP = "extractOutboxSweep";
    /** Pages a batch job fetches at once. */
    public static final int BATCH_PARALLELISM = 8;

    @Override
    public void initialize(GenericApplicationContext context) {
        switch (Environment.get("SPRING_CLOUD_FUNCTION_DEFINITION", "extract")) {
            case WORKER -> LambdaFunctions.registerSqs(context, WORKER, ExtractApplication::worker);
            case DEAD_LETTERS -> LambdaFunctions.registerSqs(context, DEAD_LETTERS, DeadLetters::fromEnvironment);
            case OUTBOX_SWEEP ->
                LambdaFunctions.registerScheduled(
                        context, OUTBOX_SWEEP, () -> OutboxSweep.fromEnvironment(Set.of(BatchExtractProcessor.KIND)));
            default -> LambdaFunctions.registerApi(context, "extract", ExtractApplication::api);
        }
    }

    /** Built once per container, at init: clients, cache, fetcher, ledger, then the routes. */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var extraction = extraction(aws);
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var billing = new Billing(ledger, new UsageMeter(dynamo, Environment.require("USAGE_TABLE")));
        var jobs = new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger);
        var queue = new JobQueue(aws.sqs(), Environment.require("EXTRACT_QUEUE_URL"));
        var inputs = new BatchInputs(aws.s3(), Environment.require("DATA_BUCKET"));
        var webhooks = new WebhookTarget(fetcher());
        var bulkBudget = Duration.ofMillis(
                Environment.getInt(ExtractRoutes.BULK_BUDGET_VARIABLE, (int) ExtractRoutes.BULK_BUDGET.toMillis()));
        var routes = new ArrayList<Route>(ExtractRoutes.of(extraction, billing, bulkBudget));
        routes.add(new BatchExtractRoute(jobs, queue, inputs, webhooks).route());
        return new ApiFunction("extract", new Router(routes));
    }

    /** The worker: ExtractQueue's messages through platform's Worker and the extract-batch processor. */
    static SqsJobHandler worker() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        String jobsTable = Environment.require("JOBS_TABLE");
        String bucket = Environment.require("DATA_BUCKET");
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var store = new JobStore(dynamo, jobsTable, ledger);
        var items = new JobItems(dynamo, jobsTable);
        var processor = new BatchExtractProcessor(
                extraction(aws),
                new BatchInputs(aws.s3(), bucket),
                new ItemStorage(
                        aws.s3(),
                        bucket,
                        Environment.getInt(ITEM_INLINE_BYTES_VARIABLE, ItemStorage.DEFAULT_INLINE_BYTES)),
                items,
                OptionsBody::settings,
                BATCH_PARALLELISM);
        // The job's end is announced to its webhook; retries go to WebhooksQueue (jobs jar's webhookRetries).
        var worker = new Worker(
                store,
                items,
                Map.of(BatchExtractProcessor.KIND, processor),
                WorkerSettings.defaults(),
                JobWebhooks.fromEnvironment(aws));
        return new SqsJobHandler(worker, aws.sqs(), Environment.require("EXTRACT_QUEUE_URL"));
    }

    private static PageExtraction extraction(AwsClients aws) {
        var cache = new ExtractionCache(
                aws.dynamoDb(),
                Environment.require("CACHE_TABLE"),
                aws.s3(),
                Environment.require("DATA_BUCKET"),
                Duration.ofSeconds(Environment.getInt(
                        ExtractionCache.TTL_VARIABLE, (int) ExtractionCache.DEFAULT_RETENTION.toSeconds())),
                InstantSource.system());
        return new PageExtraction(
                fetcher(), new ContentExtractor(), cache, InstantSource.system(), ExtractionWork.fromEnvironment());
    }

    private static PageFetcher fetcher() {
        return new PageFetcher(FetchPolicy.withAllowCidrs(Environment.get(ALLOW_CIDRS_VARIABLE, "")));
    }
}
