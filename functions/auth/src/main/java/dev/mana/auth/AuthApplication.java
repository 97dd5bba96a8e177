package dev.mana.auth;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.Health;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The auth function: accounts, tokens, JWKS, API keys, credits and usage. Registered
 * functionally; Lambda runs it through Spring Cloud Function's FunctionInvoker.
 */
@SpringBootConfiguration
public class AuthApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "auth", AuthApplication::api);
    }

    /** Built once per container, at init: clients and configuration, then the routes. */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var kms = aws.kms();
        String accounts = Environment.require("ACCOUNTS_TABLE");
        String signingKey = Environment.require("JWT_SIGNING_KEY_ID");
        return new ApiFunction(
                "auth",
                Router.of(Health.route(
                        "auth",
                        Map.of(
                                "dynamodb", () -> dynamo.describeTable(b -> b.tableName(accounts)),
                                "kms", () -> kms.describeKey(b -> b.keyId(signingKey))))));
    }
}
