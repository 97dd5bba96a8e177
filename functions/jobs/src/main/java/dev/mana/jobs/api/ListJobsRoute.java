package dev.mana.jobs.api;

import dev.mana.platform.ApiException;
import dev.mana.platform.ApiRequest;
import dev.mana.platform.ApiResponse;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Route;
import dev.mana.platform.jobs.JobStatus;
import dev.mana.platform.jobs.JobStore;
import java.util.List;

/**
 * {@code GET /v1/jobs?status=&kind=&cursor=&limit=}: the caller's jobs, newest first, without
 * items. The cursor only ever reads the caller's own jobs (the account comes from the authorizer).
 */
public final class ListJobsRoute {
    public record Response(List<JobView> jobs, String nextCursor) {}

    static final int DEFAULT_LIMIT = 20;

    private final JobStore store;

    public ListJobsRoute(JobStore store) {
        this.store = store;
    }

    public Route route() {
        return Route.get("/v1/jobs", this::handle);
    }

    private ApiResponse handle(ApiRequest request) {
        String account = request.requireCaller().accountId();
        JobStatus status = request.query("status").map(ListJobsRoute::status).orElse(null);
        String kind = request.query("kind").map(ListJobsRoute::kind).orElse(null);
        int limit = request.intQuery("limit", 1, 100, DEFAULT_LIMIT);
        var page = store.list(account, status, kind, request.query("cursor").orElse(null), limit);
        return ApiResponse.ok(
                new Response(page.jobs().stream().map(JobView::summary).toList(), page.nextCursor()));
    }

    private static JobStatus status(String value) {
        JobStatus status = JobStatus.fromWire(value);
        if (status == null) {
            throw new ApiException(
                            ErrorCode.INVALID_PARAMETER,
                            "Unknown status '" + value + "'; use queued, running, succeeded, failed or canceled.")
                    .with("parameter", "status");
        }
        return status;
    }

    private static String kind(String value) {
        if (!JobKinds.ALL.contains(value)) {
            throw new ApiException(
                            ErrorCode.INVALID_PARAMETER,
                            "Unknown job kind; use one of "
                                    + String.join(
                                            ", ", JobKinds.ALL.stream().sorted().toList()) + ".")
                    .with("parameter", "kind");
        }
        return value;
    }
}
