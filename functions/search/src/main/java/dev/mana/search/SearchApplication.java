package dev.mana.search;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.AwsClients;
import dev.mana.platform.Environment;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import dev.mana.platform.billing.Billing;
import dev.mana.platform.credits.CreditLedger;
import dev.mana.platform.usage.UsageMeter;
import dev.mana.search.api.EnginesRoute;
import dev.mana.search.api.SearchEnvironment;
import dev.mana.search.api.SearchRoute;
import dev.mana.search.cache.DynamoSearchCache;
import java.util.Map;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The search function: {@code POST /v1/search} and {@code GET /v1/search/engines}. Registered
 * functionally; Lambda runs it through Spring Cloud Function's FunctionInvoker.
 */
@SpringBootConfiguration
public class SearchApplication implements ApplicationContextInitializer<GenericApplicationContext> {

    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "search", SearchApplication::api);
    }

    /** Built once per container, at init: the cache client, the engines, then the routes. */
    static ApiFunction api() {
        Map<String, String> env = SearchEnvironment.variables();
        var dynamo = AwsClients.fromEnvironment().dynamoDb();
        var cache = DynamoSearchCache.create(dynamo, Environment.require("CACHE_TABLE"), env);
        var billing = new Billing(
                new CreditLedger(dynamo, Environment.require("CREDITS_TABLE")),
                new UsageMeter(dynamo, Environment.require("USAGE_TABLE")));
        MetaSearch search = MetaSearch.fromEnv(env, cache);
        return new ApiFunction(
                "search", Router.of(new SearchRoute(search, billing).route(), new EnginesRoute(search).route()));
    }
}
