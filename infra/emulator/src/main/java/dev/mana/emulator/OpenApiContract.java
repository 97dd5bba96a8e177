package dev.mana.emulator;

import dev.mana.platform.Route;
import dev.mana.platform.Router;
import java.util.TreeSet;

/** The check every function's tests run: its router and infra/openapi.yaml list the same routes. */
public final class OpenApiContract {
    private OpenApiContract() {}

    public static void assertRoutesMatch(String functionLogicalId, Router router) {
        var declared = new TreeSet<String>();
        OpenApi.load().stream()
                .filter(o -> functionLogicalId.equals(o.function()))
                .forEach(o -> declared.add(o.key()));
        var served = new TreeSet<String>();
        router.routes().stream().map(Route::key).forEach(served::add);
        var missingFromOpenApi = new TreeSet<>(served);
        missingFromOpenApi.removeAll(declared);
        var missingFromRouter = new TreeSet<>(declared);
        missingFromRouter.removeAll(served);
        if (!missingFromOpenApi.isEmpty() || !missingFromRouter.isEmpty()) {
            throw new AssertionError(
                    functionLogicalId + " and infra/openapi.yaml disagree. Served but not in openapi.yaml: "
                            + missingFromOpenApi + "; in openapi.yaml but not served: " + missingFromRouter);
        }
    }
}
