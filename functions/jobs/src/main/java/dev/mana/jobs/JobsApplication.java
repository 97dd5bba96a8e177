package dev.mana.jobs;

import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.mana.jobs.api.CancelJobRoute;
import dev.mana.jobs.api.GetJobRoute;
import dev.mana.jobs.api.JobViews;
import dev.mana.jobs.api.ListDeliveriesRoute;
import dev.mana.jobs.api.ListJobsRoute;
import dev.mana.jobs.api.ResultLinks;
import dev.mana.jobs.uploads.CreateUploadRoute;
import dev.mana.jobs.uploads.Uploads;
import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jobs.JobItems;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.webhooks.DeliveryLog;
import dev.mana.platform.webhooks.JobWebhooks;
import dev.mana.platform.webhooks.WebhookRetries;
import java.time.Clock;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The jobs function: {@code GET /v1/jobs}, {@code GET /v1/jobs/{id}}, {@code DELETE
 * /v1/jobs/{id}}, {@code GET /v1/jobs/{id}/deliveries} and {@code POST /v1/uploads}; and, from
 * the same jar, the webhook retries ({@code webhookRetries}, on WebhooksQueue). {@code
 * SPRING_CLOUD_FUNCTION_DEFINITION} names the bean a Lambda function runs; only that bean is
 * registered. Lambda runs it through Spring Cloud Function's FunctionInvoker.
 */
@SpringBootConfiguration
public class JobsApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    public static final String WEBHOOK_RETRIES = "webhookRetries";

    @Override
    public void initialize(GenericApplicationContext context) {
        if (WEBHOOK_RETRIES.equals(Environment.get("SPRING_CLOUD_FUNCTION_DEFINITION", "jobs"))) {
            context.registerBean(
                    WEBHOOK_RETRIES,
                    FunctionRegistration.class,
                    () -> new FunctionRegistration<>(webhookRetries(), WEBHOOK_RETRIES)
                            .type(FunctionTypeUtils.functionType(SQSEvent.class, SQSBatchResponse.class)));
            return;
        }
        LambdaFunctions.registerApi(context, "jobs", JobsApplication::api);
    }

    /** WebhooksQueue's messages: each a scheduled attempt, made when due. */
    static WebhookRetries webhookRetries() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var store = new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger);
        var webhooks = JobWebhooks.fromEnvironment(aws);
        return new WebhookRetries(
                store, webhooks, JobWebhooks.settingsFromEnvironment().clock());
    }

    /** Built once per container, at init. */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var clock = Clock.systemUTC();
        String jobsTable = Environment.require("JOBS_TABLE");
        String bucket = Environment.require("DATA_BUCKET");
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var store = new JobStore(dynamo, jobsTable, ledger);
        var presigner = aws.s3Presigner();
        var views = new JobViews(new JobItems(dynamo, jobsTable), new ResultLinks(presigner, bucket, clock));
        var uploads = new Uploads(aws.s3(), presigner, bucket, clock);
        return new ApiFunction(
                "jobs",
                new Router(List.of(
                        new ListJobsRoute(store).route(),
                        new GetJobRoute(store, views).route(),
                        new CancelJobRoute(store).route(),
                        new ListDeliveriesRoute(store, new DeliveryLog(dynamo, jobsTable)).route(),
                        new CreateUploadRoute(uploads).route())));
    }
}
