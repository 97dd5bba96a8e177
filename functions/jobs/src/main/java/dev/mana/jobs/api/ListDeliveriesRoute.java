package dev.mana.jobs.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.JobStore;
import dev.mana.platform.webhooks.DeliveryAttempt;
import dev.mana.platform.webhooks.DeliveryLog;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code GET /v1/jobs/{id}/deliveries}: the webhook delivery attempts of the caller's job, newest
 * first (at most 100). Another account's job is 404, like an unknown one.
 */
public final class ListDeliveriesRoute {
    private final JobStore store;
    private final DeliveryLog log;

    public ListDeliveriesRoute(JobStore store, DeliveryLog log) {
        this.store = store;
        this.log = log;
    }

    public Route route() {
        return Route.get("/v1/jobs/{id}/deliveries", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        String id = request.pathParameter("id");
        var job = store.get(account, id).orElseThrow(() -> JobIdParameter.notFound(id));
        List<Map<String, Object>> deliveries =
                log.list(job.id()).stream().map(ListDeliveriesRoute::view).toList();
        return ApiResponse.ok(Map.of("jobId", job.id(), "deliveries", deliveries));
    }

    private static Map<String, Object> view(DeliveryAttempt attempt) {
        var view = new LinkedHashMap<String, Object>();
        view.put("messageId", attempt.messageId());
        view.put("event", attempt.event().wire());
        view.put("url", attempt.url());
        view.put("attempt", attempt.attempt());
        view.put("result", attempt.result().name().toLowerCase(Locale.ROOT));
        view.put("statusCode", attempt.statusCode());
        view.put("error", attempt.error());
        view.put("latencyMs", attempt.latencyMs());
        view.put("at", attempt.at().toString());
        return view;
    }
}
