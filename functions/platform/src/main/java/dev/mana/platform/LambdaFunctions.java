package dev.mana.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.amazonaws.services.lambda.runtime.events.SQSBatchResponse;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.support.GenericApplicationContext;

/**
 * Registers a function's handler as a Spring Cloud Function bean, functionally (no classpath
 * scanning, so start-up stays small). Each function's application class calls this from its
 * {@code ApplicationContextInitializer}; Lambda runs it through {@code FunctionInvoker}.
 */
public final class LambdaFunctions {
    private LambdaFunctions() {}

    public static void registerApi(GenericApplicationContext context, String name, Supplier<ApiFunction> factory) {
        context.registerBean(
                name,
                FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.get(), name)
                        .type(FunctionTypeUtils.functionType(
                                APIGatewayProxyRequestEvent.class, APIGatewayProxyResponseEvent.class)));
    }

    /** A function an SQS event source mapping calls (a worker, a dead-letter handler). */
    public static void registerSqs(
            GenericApplicationContext context,
            String name,
            Supplier<? extends Function<SQSEvent, SQSBatchResponse>> factory) {
        context.registerBean(
                name,
                FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.get(), name)
                        .type(FunctionTypeUtils.functionType(SQSEvent.class, SQSBatchResponse.class)));
    }

    /** A function an EventBridge schedule calls with its event, answering a small report. */
    public static void registerScheduled(
            GenericApplicationContext context,
            String name,
            Supplier<? extends Function<Map<String, Object>, Map<String, Object>>> factory) {
        context.registerBean(
                name,
                FunctionRegistration.class,
                () -> new FunctionRegistration<>(factory.get(), name)
                        .type(FunctionTypeUtils.functionType(Map.class, Map.class)));
    }
}
