package dev.mana.auth;

import dev.mana.auth.account.AccountStore;
import dev.mana.auth.account.RegisterRoute;
import dev.mana.auth.login.LoginAttemptStore;
import dev.mana.auth.login.LoginLimits;
import dev.mana.auth.login.LoginRoute;
import dev.mana.auth.login.LoginThrottle;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.auth.password.PasswordPolicy;
import dev.mana.auth.token.AccessTokens;
import dev.mana.auth.token.JwksRoute;
import dev.mana.auth.token.LogoutRoute;
import dev.mana.auth.token.RefreshRoute;
import dev.mana.auth.token.RefreshTokenStore;
import dev.mana.auth.token.RefreshTokens;
import dev.mana.auth.token.SigningKeys;
import dev.mana.auth.token.ValidateRoute;
import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.Health;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Route;
import dev.mana.platform.Router;
import dev.mana.platform.jwt.JwtVerifier;
import dev.mana.platform.jwt.KmsJwks;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
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
    /** Clock drift allowed between the signer and a verifier for exp, iat and nbf. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "auth", AuthApplication::api);
    }

    /**
     * Built once per container, at init (and so inside the SnapStart snapshot): clients,
     * the signing keys' public halves, the common-password list, the dummy Argon2 hash.
     */
    static ApiFunction api() {
        var aws = AwsClients.fromEnvironment();
        var dynamo = aws.dynamoDb();
        var kms = aws.kms();
        var clock = Clock.systemUTC();
        String table = Environment.require("ACCOUNTS_TABLE");
        String signingKey = Environment.require("JWT_SIGNING_KEY_ID");
        String issuer = Environment.require("JWT_ISSUER");
        String audience = Environment.get("JWT_AUDIENCE", "mana-api");
        var previousKey = KmsJwks.previousKeyIdFromEnvironment();

        var keys = SigningKeys.load(kms, signingKey, previousKey);
        var accounts = new AccountStore(dynamo, table);
        var hasher = new PasswordHasher(PasswordHasher.Parameters.OWASP);
        var accessTokens = new AccessTokens(keys.signer(), issuer, audience);
        var refreshTokens = new RefreshTokens(new RefreshTokenStore(dynamo, table));
        var throttle = new LoginThrottle(new LoginAttemptStore(dynamo, table), LoginLimits.DEFAULT);
        var verifier = new JwtVerifier(keys.jwks()::key, issuer, audience, clock, CLOCK_SKEW);

        var routes = new ArrayList<Route>();
        routes.add(Health.route(
                "auth",
                Map.of(
                        "dynamodb", () -> dynamo.describeTable(b -> b.tableName(table)),
                        "kms", () -> SigningKeys.publicKey(kms, signingKey))));
        routes.add(new RegisterRoute(accounts, PasswordPolicy.withBundledList(), hasher, clock).route());
        routes.add(new LoginRoute(accounts, hasher, throttle, accessTokens, refreshTokens, clock).route());
        routes.add(new RefreshRoute(refreshTokens, accessTokens, accounts, clock).route());
        routes.add(new LogoutRoute(refreshTokens, clock).route());
        routes.add(new ValidateRoute(verifier).route());
        routes.addAll(new JwksRoute(keys.jwks()).routes());
        return new ApiFunction("auth", new Router(routes));
    }
}
