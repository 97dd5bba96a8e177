package dev.mana.emulator;

import dev.mana.platform.Environment;
import dev.mana.platform.LambdaHandler;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Runs a function in the test JVM exactly as Lambda does: Spring Cloud Function's
 * {@link LambdaHandler} (Spring Cloud Function's FunctionInvoker) built from the function's application class, fed the event JSON as
 * a stream. The environment is the function's own from template.yaml.
 */
public final class LambdaHarness {
    private final LambdaHandler invoker;

    private final String functionName;

    private LambdaHarness(LambdaHandler invoker, String functionName) {
        this.invoker = invoker;
        this.functionName = functionName;
    }

    public static LambdaHarness start(Class<?> applicationClass, Map<String, String> environment) {
        Environment.override(environment);
        System.setProperty("MAIN_CLASS", applicationClass.getName());
        try {
            return new LambdaHarness(
                    new LambdaHandler(),
                    environment.getOrDefault("AWS_LAMBDA_FUNCTION_NAME", applicationClass.getSimpleName()));
        } finally {
            System.clearProperty("MAIN_CLASS");
        }
    }

    /** Starts the template's function against an emulated stack. */
    public static LambdaHarness start(Class<?> applicationClass, EmulatedStack stack, String functionLogicalId) {
        return start(applicationClass, stack.environment(functionLogicalId));
    }

    public byte[] invoke(byte[] event) {
        var output = new ByteArrayOutputStream();
        try {
            invoker.handleRequest(new ByteArrayInputStream(event), output, new InvocationContext(functionName));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return output.toByteArray();
    }

    public ProxyResponse call(ProxyEvent event) {
        return ProxyResponse.parse(invoke(event.toJson()));
    }
}
