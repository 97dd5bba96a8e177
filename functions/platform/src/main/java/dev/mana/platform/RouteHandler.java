package dev.mana.platform;

/** Answers one route. Throw {@link ApiException} for any error the caller should see. */
@FunctionalInterface
public interface RouteHandler {
    ApiResponse handle(ApiRequest request) throws Exception;
}
