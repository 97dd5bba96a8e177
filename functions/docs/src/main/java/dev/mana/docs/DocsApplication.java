package dev.mana.docs;

import dev.mana.platform.ApiFunction;
import dev.mana.platform.LambdaFunctions;
import dev.mana.platform.Router;
import java.util.List;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.support.GenericApplicationContext;

/**
 * The docs function: {@code GET /openapi.json} (the public spec) and {@code GET /docs} with its
 * assets (Swagger UI, from its WebJar in this jar: the page loads nothing from elsewhere). No
 * AWS resource: the spec and the page are read once, at init.
 */
@SpringBootConfiguration
public class DocsApplication implements ApplicationContextInitializer<GenericApplicationContext> {
    @Override
    public void initialize(GenericApplicationContext context) {
        LambdaFunctions.registerApi(context, "docs", DocsApplication::api);
    }

    static ApiFunction api() {
        return new ApiFunction(
                "docs",
                new Router(List.of(
                        new OpenApiJsonRoute(PublicSpec.load()).route(),
                        new DocsPageRoute().route(),
                        new DocsAssetRoute(DocsAssets.load()).route())));
    }
}
