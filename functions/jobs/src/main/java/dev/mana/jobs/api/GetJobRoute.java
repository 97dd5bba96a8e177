package dev.mana.jobs.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.JobStore;

/**
 * {@code GET /v1/jobs/{id}?itemsCursor=&itemsLimit=}: the caller's job with progress, credits,
 * result (inline, or presigned S3 URLs for large results) and, for batch kinds, one page of its
 * items. Another account's job is 404.
 */
public final class GetJobRoute {
    static final int DEFAULT_ITEMS = 100;

    private final JobStore store;
    private final JobViews views;

    public GetJobRoute(JobStore store, JobViews views) {
        this.store = store;
        this.views = views;
    }

    public Route route() {
        return Route.get("/v1/jobs/{id}", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        String id = request.pathParameter("id");
        int limit = request.intQuery("itemsLimit", 1, 1000, DEFAULT_ITEMS);
        var job = store.get(account, id).orElseThrow(() -> JobIdParameter.notFound(id));
        return ApiResponse.ok(views.full(job, request.query("itemsCursor").orElse(null), limit));
    }
}
