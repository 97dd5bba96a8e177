package dev.mana.stt.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.stt.models.ModelEntry;
import dev.mana.stt.models.ModelRegistry;
import java.util.List;

/** {@code GET /v1/stt/models}: each model's languages, device, availability and price. */
public final class ModelsRoute {

    /** One model as listed. */
    public record ModelView(
            String id,
            String object,
            String family,
            String description,
            List<String> languages,
            String device,
            boolean available,
            String unavailableReason,
            int pricePerMinute,
            int maxConcurrency,
            boolean timestamps) {}

    /** The list. */
    public record ModelList(String object, List<ModelView> data) {}

    private final ModelRegistry registry;

    public ModelsRoute(ModelRegistry registry) {
        this.registry = registry;
    }

    public Route route() {
        return Route.get("/v1/stt/models", this::handle);
    }

    ApiResponse handle(ApiRequest request) {
        request.requireCaller();
        return ApiResponse.ok(new ModelList(
                "list", registry.all().stream().map(ModelsRoute::view).toList()));
    }

    private static ModelView view(ModelEntry e) {
        var m = e.manifest();
        return new ModelView(
                e.name(),
                "model",
                m.family(),
                m.description(),
                m.languages(),
                m.device(),
                e.available(),
                e.available() ? null : e.unavailableReason(),
                m.pricePerMinute(),
                m.maxConcurrency(),
                m.timestamps());
    }
}
