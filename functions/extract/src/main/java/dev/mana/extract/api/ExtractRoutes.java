package dev.mana.extract.api;

import dev.mana.extract.service.BulkExtraction;
import dev.mana.extract.service.PageExtraction;
import dev.mana.platform.Route;
import dev.mana.platform.billing.Billing;
import java.time.Duration;
import java.util.List;

/** The synchronous extract routes over one extraction and one way of paying (the batch route is a job: BatchExtractRoute). */
public final class ExtractRoutes {

    /** Pages fetched at once by one bulk request. */
    public static final int BULK_PARALLELISM = 8;
    /** A bulk request's time for all its URLs: ends before API Gateway's 29 s integration timeout. */
    public static final Duration BULK_BUDGET = Duration.ofSeconds(25);
    /** Overrides {@link #BULK_BUDGET} in milliseconds (tests prove the bound on a short budget). */
    public static final String BULK_BUDGET_VARIABLE = "MANA_BULK_BUDGET_MS";

    private ExtractRoutes() {}

    public static List<Route> of(PageExtraction extraction, Billing billing, Duration bulkBudget) {
        var paying = new ExtractBilling(billing);
        return List.of(
                new ExtractRoute(extraction, paying).route(),
                new BulkExtractRoute(new BulkExtraction(extraction, BULK_PARALLELISM, bulkBudget), paying).route());
    }
}
