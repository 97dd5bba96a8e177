package dev.mana.authorizer;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponseV1;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.jwt.JwtVerifier;
import dev.mana.platform.jwt.KmsJwks;
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
    /** Clock drift allowed between the token's signer and this verifier. */
    static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

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
        var aws = AwsClients.fromEnvironment();
        var keys = new ApiKeyStore(aws.dynamoDb(), Environment.require("KEYS_TABLE"));
        var ttl = Duration.ofSeconds(Environment.getInt("MANA_AUTHORIZER_CACHE_SECONDS", 30));
        // The JWKS, read once per container (and so inside the SnapStart snapshot).
        var jwks = KmsJwks.load(
                aws.kms(), Environment.require("JWT_SIGNING_KEY_ID"), KmsJwks.previousKeyIdFromEnvironment());
        var tokens = new JwtVerifier(
                jwks::key,
                Environment.require("JWT_ISSUER"),
                Environment.get("JWT_AUDIENCE", "mana-api"),
                Clock.systemUTC(),
                CLOCK_SKEW);
        return new RequestAuthorizer(new CachedKeys(keys, ttl, Clock.systemUTC()), tokens, Clock.systemUTC());
    }
}
