package dev.mana.jobs.api;

import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.Log;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.JobStore;

/**
 * {@code DELETE /v1/jobs/{id}}: cancels the caller's job and answers 202 with it. A queued job is
 * canceled at once and its hold released in the same transaction; a running one is marked {@code
 * cancelRequested} and stops at its next checkpoint; an ended one is answered as it is. Another
 * account's job is 404.
 */
public final class CancelJobRoute {
    private final JobStore store;

    public CancelJobRoute(JobStore store) {
        this.store = store;
    }

    public Route route() {
        return Route.delete("/v1/jobs/{id}", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        String id = request.pathParameter("id");
        var job = store.cancel(account, id).orElseThrow(() -> JobIdParameter.notFound(id));
        Log.info("job cancel", "jobId", id, "status", job.status().wire(), "cancelRequested", job.cancelRequested());
        return ApiResponse.json(202, JobView.summary(job));
    }
}
