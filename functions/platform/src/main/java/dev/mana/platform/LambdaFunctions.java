package dev.mana.platform;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
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
}
