package dev.mana.tts;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.tts.api.SpeechRoute;
import dev.mana.tts.api.TtsBilling;
import dev.mana.tts.engine.SpeechEngine;
import dev.mana.tts.engine.SpeechEngines;
import dev.mana.tts.espeak.EspeakEngine;
import dev.mana.tts.espeak.EspeakNg;
import dev.mana.tts.kokoro.KokoroEngine;
import dev.mana.tts.kokoro.ModelDirectory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The text-to-speech function: {@code POST /v1/audio/speech} and the {@code /v1/tts} routes.
 * {@code SPRING_CLOUD_FUNCTION_DEFINITION} names the bean a Lambda function runs; Lambda runs it
 * through FunctionInvoker.
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

    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "tts", TtsApplication::api);
    }

    /** Built once per container, at init: engines, codecs, ledger, then the routes. */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var ledger = new CreditLedger(dynamo, Environment.require("CREDITS_TABLE"));
        var billing =
                new TtsBilling(new Billing(ledger, new UsageMeter(dynamo, Environment.require("USAGE_TABLE"))), ledger);
        var engines = engines(aws);
        var codecs = AudioCodecs.fromEnvironment();
        return new ApiFunction("tts", new Router(List.of(new SpeechRoute(engines, codecs, billing).route())));
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
