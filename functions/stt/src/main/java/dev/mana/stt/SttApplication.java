package dev.mana.stt;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.audio.AudioCodecs;
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
import dev.mana.stt.api.AutoRoute;
import dev.mana.stt.api.CreateJobRoute;
import dev.mana.stt.api.ModelsRoute;
import dev.mana.stt.api.OpenAiAudioRoute;
import dev.mana.stt.api.SyncTranscription;
import dev.mana.stt.api.TranscribeRoute;
import dev.mana.stt.api.VoxtralRoute;
import dev.mana.stt.models.ModelRegistry;
import dev.mana.stt.models.S3Models;
import dev.mana.stt.service.AudioStore;
import dev.mana.stt.service.SpeechEngine;
import dev.mana.stt.service.SttJobs;
import dev.mana.stt.service.SttSettings;
import dev.mana.stt.worker.SttProcessor;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The STT function (container image): the routes ({@code stt}), and from the same image the
 * worker on SttQueue ({@code sttWorker}), its dead-letter handler ({@code sttDeadLetters}) and the
 * job outbox's sweep ({@code sttOutboxSweep}, every minute);
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} picks one. The GPU service runs the same worker through
 * {@link dev.mana.stt.worker.GpuWorkerMain}.
 */
@SpringBootConfiguration
public class SttApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    public static final String WORKER = "sttWorker";
    public static final String DEAD_LETTERS = "sttDeadLetters";
    public static final String OUTBOX_SWEEP = "sttOutboxSweep";

    @Override
    public void initialize(GenericApplicationContext context) {
        switch (Environment.get("SPRING_CLOUD_FUNCTION_DEFINITION", "stt")) {
            case WORKER -> LambdaFunctions.registerSqs(context, WORKER, SttApplication::worker);
            case DEAD_LETTERS -> LambdaFunctions.registerSqs(context, DEAD_LETTERS, DeadLetters::fromEnvironment);
            case OUTBOX_SWEEP ->
                LambdaFunctions.registerScheduled(
                        context, OUTBOX_SWEEP, () -> OutboxSweep.fromEnvironment(Set.of(SttJobs.KIND)));
            default -> LambdaFunctions.registerApi(context, "stt", SttApplication::api);
        }
    }

    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var engine = engine(aws);
        var codecs = AudioCodecs.fromEnvironment();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var billing = new Billing(ledger, new UsageMeter(dynamo, Environment.require("USAGE_TABLE")));
        var store = new AudioStore(aws.s3(), Environment.require("DATA_BUCKET"));
        var jobs = new SttJobs(
                new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger),
                new JobQueue(aws.sqs(), Environment.require("STT_QUEUE_URL")));
        var sync = new SyncTranscription(engine, codecs, billing, ledger, jobs, store);
        String defaultModel = Environment.get("STT_DEFAULT_MODEL", "whisper-tiny-test");
        var webhooks = new WebhookTarget(
                new PageFetcher(FetchPolicy.withAllowCidrs(Environment.get("MANA_FETCH_ALLOW_CIDRS", ""))));
        return new ApiFunction(
                "stt",
                new Router(List.of(
                        new TranscribeRoute(sync, defaultModel).route(),
                        new VoxtralRoute(sync).route(),
                        new AutoRoute(sync).route(),
                        OpenAiAudioRoute.transcriptions(sync, defaultModel).route(),
                        OpenAiAudioRoute.translations(sync, defaultModel).route(),
                        new ModelsRoute(engine.registry()).route(),
                        new CreateJobRoute(engine, codecs, store, jobs, webhooks, defaultModel).route())));
    }

    /** SttQueue's jobs through platform's Worker: the same on Lambda and on the GPU service. */
    public static Worker jobWorker(AwsClients aws) {
        var dynamo = aws.dynamoDb();
        String jobsTable = Environment.require("JOBS_TABLE");
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var processor = new SttProcessor(
                engine(aws),
                AudioCodecs.fromEnvironment(),
                new AudioStore(aws.s3(), Environment.require("DATA_BUCKET")),
                Environment.getInt("STT_RESULT_INLINE_BYTES", SttProcessor.DEFAULT_INLINE_BYTES));
        return new Worker(
                new JobStore(dynamo, jobsTable, ledger),
                new JobItems(dynamo, jobsTable),
                Map.of(SttJobs.KIND, processor),
                WorkerSettings.defaults(),
                JobWebhooks.fromEnvironment(aws));
    }

    static SqsJobHandler worker() {
        var aws = AwsClients.fromEnvironment();
        return new SqsJobHandler(jobWorker(aws), aws.sqs(), Environment.require("STT_QUEUE_URL"));
    }

    /** The models: from S3 into the models directory first where STT_MODELS_S3 says so. */
    static SpeechEngine engine(AwsClients aws) {
        SttSettings settings = SttSettings.fromEnvironment();
        Path models = settings.modelsDir();
        if (!settings.modelsS3().isBlank()) {
            models = new S3Models(aws.s3()).sync(settings.modelsS3(), Path.of("/tmp/stt-models"));
        }
        return new SpeechEngine(settings, ModelRegistry.scan(models, settings.gpuWorker()));
    }
}
