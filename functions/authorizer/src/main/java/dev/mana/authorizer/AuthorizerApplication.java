package dev.mana.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.keys.ApiKeyStore;
import java.time.Clock;
import java.time.Duration;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/** The REQUEST authorizer: API Gateway calls it before every route that names it. */
@SpringBootConfiguration
public class AuthorizerApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        context.registerBean(
                "authorizer",
                FunctionRegistration.class,
                () -> new FunctionRegistration<>(authorizer(), "authorizer")
                        .type(FunctionTypeUtils.functionType(
                                APIGatewayCustomAuthorizerEvent.class, IamPolicyResponseV1.class)));
    }

    static RequestAuthorizer authorizer() {
        var keys = new ApiKeyStore(AwsClients.fromEnvironment().dynamoDb(), Environment.require("KEYS_TABLE"));
        var ttl = Duration.ofSeconds(Environment.getInt("MANA_AUTHORIZER_CACHE_SECONDS", 30));
        return new RequestAuthorizer(new CachedKeys(keys, ttl, Clock.systemUTC()), Clock.systemUTC());
    }
}
