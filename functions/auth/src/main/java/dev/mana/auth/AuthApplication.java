package dev.mana.auth;

import dev.mana.auth.account.AccountStore;
import dev.mana.auth.account.EmailVerifications;
import dev.mana.auth.account.RegisterRoute;
import dev.mana.auth.account.RegistrationLimit;
import dev.mana.auth.account.VerificationDelivery;
import dev.mana.auth.account.VerifyRoute;
import dev.mana.auth.billing.StripeSignature;
import dev.mana.auth.billing.StripeWebhookRoute;
import dev.mana.auth.credits.BalanceRoute;
import dev.mana.auth.credits.LedgerRoute;
import dev.mana.auth.credits.MonthlyGrantFunction;
import dev.mana.auth.credits.MonthlyGrants;
import dev.mana.auth.credits.UseCreditsRoute;
import dev.mana.auth.keys.CreateKeyRoute;
import dev.mana.auth.keys.GatewayKeys;
import dev.mana.auth.keys.ListKeysRoute;
import dev.mana.auth.keys.RevokeKeyRoute;
import dev.mana.auth.login.LoginAttemptStore;
import dev.mana.auth.login.LoginLimits;
import dev.mana.auth.login.LoginRoute;
import dev.mana.auth.login.LoginThrottle;
import dev.mana.auth.password.PasswordHasher;
import dev.mana.auth.password.PasswordPolicy;
import dev.mana.auth.tier.Tiers;
import dev.mana.auth.token.AccessTokens;
import dev.mana.auth.token.JwksRoute;
import dev.mana.auth.token.LogoutRoute;
import dev.mana.auth.token.RefreshRoute;
import dev.mana.auth.token.RefreshTokenStore;
import dev.mana.auth.token.RefreshTokens;
import dev.mana.auth.token.SigningKeys;
import dev.mana.auth.token.ValidateRoute;
import dev.mana.auth.usage.UsageRoute;
import dev.mana.auth.webhooks.RotateWebhookSecretRoute;
import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.Health;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Route;
import dev.mana.platform.Router;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.jwt.JwtVerifier;
import dev.mana.platform.jwt.KmsJwks;
import dev.mana.platform.keys.ApiKeyStore;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.platform.webhooks.WebhookSecrets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.cloud.function.context.FunctionRegistration;
import org.springframework.cloud.function.context.catalog.FunctionTypeUtils;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;

/**
 * The auth function: accounts, tokens, JWKS, API keys, credits and usage. Registered
 * functionally; Lambda runs it through Spring Cloud Function's FunctionInvoker.
 */
@SpringBootConfiguration
public class AuthApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    /** Clock drift allowed between the signer and a verifier for exp, iat and nbf. */
    public static final Duration CLOCK_SKEW = Duration.ofSeconds(30);

    /** The bean name of the scheduled monthly grant (MonthlyGrantFunction in template.yaml). */
    public static final String MONTHLY_GRANT = "monthlyGrant";

    /**
     * One jar, two Lambda functions: {@code SPRING_CLOUD_FUNCTION_DEFINITION} names the bean a
     * function runs (Spring Cloud Function reads it on Lambda). Only that bean is registered, so
     * the grant function does not load KMS keys or the password list at init, and where Spring
     * does not see the variable (tests, the local runtime) the one bean is the one found.
     */
    @Override
    public void initialize(GenericApplicationContext context) {
        if (MONTHLY_GRANT.equals(Environment.get("SPRING_CLOUD_FUNCTION_DEFINITION", "auth"))) {
            context.registerBean(
                    MONTHLY_GRANT,
                    FunctionRegistration.class,
                    () -> new FunctionRegistration<>(monthlyGrant(), MONTHLY_GRANT)
                            .type(FunctionTypeUtils.discoverFunctionTypeFromClass(MonthlyGrantFunction.class)));
        } else {
            LambdaFunctions.registerApi(context, "auth", AuthApplication::api);
        }
    }

    static MonthlyGrantFunction monthlyGrant() {
        var dynamo = AwsClients.fromEnvironment().dynamoDb();
        var ledger = MonthlyGrants.ledger(dynamo, Environment.require("CREDITS_TABLE"));
        return new MonthlyGrantFunction(
                new AccountStore(dynamo, Environment.require("ACCOUNTS_TABLE")),
                new MonthlyGrants(ledger, Tiers.fromEnvironment()),
                Clock.systemUTC());
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
        var tiers = Tiers.fromEnvironment();
        String creditsTable = Environment.require("CREDITS_TABLE");
        var ledger = new CreditLedger(dynamo, creditsTable);
        var grants = new MonthlyGrants(MonthlyGrants.ledger(dynamo, creditsTable), tiers);
        var apiKeys = new ApiKeyStore(dynamo, Environment.require("KEYS_TABLE"));
        var usage = new UsageMeter(dynamo, Environment.require("USAGE_TABLE"));
        var gateway = new GatewayKeys(aws.configure(ApiGatewayClient.builder()).build());
        var stripe = Environment.get("STRIPE_WEBHOOK_SECRET").map(secret -> new StripeSignature(secret, clock));

        var routes = new ArrayList<Route>();
        routes.add(Health.route(
                "auth",
                Map.of(
                        "dynamodb", () -> dynamo.describeTable(b -> b.tableName(table)),
                        "kms", () -> SigningKeys.publicKey(kms, signingKey))));
        var verifications = new EmailVerifications(dynamo, table);
        routes.add(new RegisterRoute(
                        accounts,
                        PasswordPolicy.withBundledList(),
                        hasher,
                        new RegistrationLimit(new LoginAttemptStore(dynamo, table)),
                        verifications,
                        VerificationDelivery.fromEnvironment(),
                        clock)
                .route());
        routes.add(new VerifyRoute(verifications, accounts, grants, clock).route());
        routes.add(new LoginRoute(accounts, hasher, throttle, accessTokens, refreshTokens, clock).route());
        routes.add(new RefreshRoute(refreshTokens, accessTokens, accounts, clock).route());
        routes.add(new LogoutRoute(refreshTokens, clock).route());
        routes.add(new ValidateRoute(verifier).route());
        routes.addAll(new JwksRoute(keys.jwks()).routes());
        routes.add(new CreateKeyRoute(apiKeys, gateway, tiers, clock).route());
        routes.add(new ListKeysRoute(apiKeys).route());
        routes.add(new RevokeKeyRoute(apiKeys, gateway).route());
        routes.add(new BalanceRoute(ledger).route());
        routes.add(new UseCreditsRoute(new Billing(ledger, usage)).route());
        routes.add(new LedgerRoute(ledger).route());
        routes.add(new UsageRoute(usage, apiKeys, clock).route());
        routes.add(new StripeWebhookRoute(stripe, grants.ledger(), accounts).route());
        routes.add(new RotateWebhookSecretRoute(new WebhookSecrets(dynamo, table, clock), clock).route());
        return new ApiFunction("auth", new Router(routes));
    }
}
