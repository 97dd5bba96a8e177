package dev.mana.tts;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
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
import dev.mana.tts.api.TtsRoutes;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.espeak.EspeakEngine;
import dev.mana.tts.espeak.EspeakNg;
import dev.mana.tts.jobs.TtsJobProcessor;
import dev.mana.tts.jobs.TtsJobs;
import dev.mana.tts.kokoro.KokoroEngine;
import dev.mana.tts.kokoro.ModelDirectory;
import dev.mana.tts.voices.VoiceSlots;
import dev.mana.tts.voices.VoiceStore;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The text-to-speech function: {@code POST /v1/audio/speech} and the {@code /v1/tts} routes; and,
 * from the same jar, the worker ({@code ttsWorker}, on TtsQueue) and its dead-letter handler
 * ({@code ttsDeadLetters}). {@code SPRING_CLOUD_FUNCTION_DEFINITION} names the bean a Lambda
 * function runs; Lambda runs it through FunctionInvoker.
 */
@SpringBootConfiguration
public class TtsApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    /** The engine a request that names no model gets: "espeak" unless the deployment says otherwise. */
    public static final String DEFAULT_ENGINE_VARIABLE = "MANA_TTS_DEFAULT_ENGINE";
    /** Kokoro's model directory: a folder or an s3:// prefix with manifest.json; unset, no Kokoro. */
    public static final String KOKORO_MODEL_VARIABLE = "MANA_KOKORO_MODEL_DIR";
    /** ONNX Runtime's threads for one synthesis; default: the container's processors. */
    public static final String KOKORO_THREADS_VARIABLE = "MANA_KOKORO_THREADS";
    /** Where an S3 model directory is copied: Lambda's writable storage. */
    static final Path MODEL_CACHE = Path.of(System.getProperty("java.io.tmpdir"), "models");
    /** How long one espeak-ng run may take. */
    static final Duration ESPEAK_DEADLINE = Duration.ofSeconds(20);

    public static final String WORKER = "ttsWorker";
    public static final String DEAD_LETTERS = "ttsDeadLetters";
    public static final String OUTBOX_SWEEP = "ttsOutboxSweep";

    @Override
    public void initialize(GenericApplicationContext context) {
        switch (Environment.get("SPRING_CLOUD_FUNCTION_DEFINITION", "tts")) {
            case WORKER -> LambdaFunctions.registerSqs(context, WORKER, TtsApplication::worker);
            case DEAD_LETTERS -> LambdaFunctions.registerSqs(context, DEAD_LETTERS, DeadLetters::fromEnvironment);
            case OUTBOX_SWEEP ->
                LambdaFunctions.registerScheduled(
                        context, OUTBOX_SWEEP, () -> OutboxSweep.fromEnvironment(Set.of(TtsJobs.KIND)));
            default -> LambdaFunctions.registerApi(context, "tts", TtsApplication::api);
        }
    }

    /** Built once per container, at init: engines, codecs, ledger, stores, then the routes. */
    public static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        String bucket = Environment.require("DATA_BUCKET");
        var jobs = new TtsJobs(
                new JobStore(dynamo, Environment.require("JOBS_TABLE"), ledger),
                new JobQueue(aws.sqs(), Environment.require("TTS_QUEUE_URL")),
                aws.s3(),
                bucket);
        var routes = new TtsRoutes(
                engines(aws),
                AudioCodecs.fromEnvironment(),
                new Billing(ledger, new UsageMeter(dynamo, Environment.require("USAGE_TABLE"))),
                ledger,
                jobs,
                new VoiceStore(dynamo, Environment.require("ACCOUNTS_TABLE")),
                VoiceSlots.parse(Environment.get(VoiceSlots.VARIABLE, VoiceSlots.DEFAULT)),
                aws.s3(),
                bucket);
        return new ApiFunction("tts", new Router(routes.all()));
    }

    /** The worker: TtsQueue's messages through platform's Worker and the tts processor. */
    static SqsJobHandler worker() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        String jobsTable = Environment.require("JOBS_TABLE");
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var processor = new TtsJobProcessor(
                engines(aws), AudioCodecs.fromEnvironment(), aws.s3(), Environment.require("DATA_BUCKET"));
        var worker = new Worker(
                new JobStore(dynamo, jobsTable, ledger),
                new JobItems(dynamo, jobsTable),
                Map.of(TtsJobs.KIND, processor),
                WorkerSettings.defaults(),
                JobWebhooks.fromEnvironment(aws));
        return new SqsJobHandler(worker, aws.sqs(), Environment.require("TTS_QUEUE_URL"));
    }

    static SpeechEngines engines(AwsClients aws) {
        var espeak = new EspeakNg(Environment.get(EspeakNg.BINARY_VARIABLE, "espeak-ng"), ESPEAK_DEADLINE);
        var engines = new ArrayList<SpeechEngine>();
        engines.add(new EspeakEngine(espeak));
        Environment.get(KOKORO_MODEL_VARIABLE)
                .filter(v -> !v.isBlank())
                .ifPresent(location -> engines.add(KokoroEngine.load(
                        ModelDirectory.resolve(location, aws.s3(), MODEL_CACHE),
                        espeak,
                        Environment.getInt(
                                KOKORO_THREADS_VARIABLE, Runtime.getRuntime().availableProcessors()))));
        return new SpeechEngines(engines, Environment.get(DEFAULT_ENGINE_VARIABLE, EspeakEngine.ID));
    }
}
