package dev.mana.extract.service;

import dev.mana.extract.content.ExtractedContent;
import dev.mana.extract.content.PageTooDeep;
import dev.mana.platform.ApiException;
import dev.mana.platform.Environment;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;

/**
 * Runs one page's extraction with a bound on its work, on its own thread with a large stack (the
 * article scoring recurses over the tree). A page nested deeper than browsers nest is a 422
 * {@code too_deep} ({@link PageTooDeep}). Past the budget the request answers 422 {@code too_complex} at once and the thread is interrupted:
 * selector matching ({@code ContentSelection}) stops at the next element.
 */
public final class ExtractionWork {

    /** Overrides {@link #DEFAULT_BUDGET} in milliseconds. */
    public static final String BUDGET_VARIABLE = "MANA_EXTRACT_WORK_MS";
    /** Enough for a 10 MB page several times over (see the README's extraction figures). */
    public static final Duration DEFAULT_BUDGET = Duration.ofSeconds(10);
    /** Ample for {@link PageTooDeep#MAX_DEPTH} levels of recursion; reserved, not committed, memory. */
    static final long STACK_BYTES = 16L * 1024 * 1024;

    private final Duration budget;

    public ExtractionWork(Duration budget) {
        this.budget = budget;
    }

    public static ExtractionWork fromEnvironment() {
        return new ExtractionWork(
                Duration.ofMillis(Environment.getInt(BUDGET_VARIABLE, (int) DEFAULT_BUDGET.toMillis())));
    }

    ExtractedContent run(Supplier<ExtractedContent> extraction, String field, boolean withSelectors) {
        var result = new CompletableFuture<ExtractedContent>();
        Thread worker = new Thread(
                null,
                () -> {
                    try {
                        result.complete(extraction.get());
                    } catch (Throwable t) {
                        result.completeExceptionally(t);
                    }
                },
                "extraction",
                STACK_BYTES);
        worker.setDaemon(true);
        worker.start();
        try {
            return result.get(budget.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            worker.interrupt();
            Log.warn("extraction over its work budget", "budgetMs", budget.toMillis());
            throw tooComplex(field, withSelectors);
        } catch (InterruptedException e) {
            worker.interrupt();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while extracting", e);
        } catch (ExecutionException e) {
            throw rethrown(e.getCause(), field, withSelectors);
        }
    }

    private RuntimeException rethrown(Throwable cause, String field, boolean withSelectors) {
        if (cause instanceof PageTooDeep || cause instanceof StackOverflowError) {
            return ApiException.field(
                            ErrorCode.INVALID_FIELD,
                            field,
                            "The page nests its elements more than " + PageTooDeep.MAX_DEPTH
                                    + " levels deep, which no browser shows either; it cannot be extracted.")
                    .with("reason", "too_deep");
        }
        if (cause instanceof CancellationException) return tooComplex(field, withSelectors);
        if (cause instanceof RuntimeException runtime) return runtime;
        if (cause instanceof Error error) throw error;
        return new IllegalStateException(cause);
    }

    private ApiException tooComplex(String field, boolean withSelectors) {
        return ApiException.field(
                        ErrorCode.INVALID_FIELD,
                        field,
                        "Extracting this page took more than the " + budget.toMillis() + " ms one page may take"
                                + (withSelectors
                                        ? "; simplify options.excludeSelectors and options.includeSelectors"
                                                + " (a :has over many siblings is the usual cause)."
                                        : "."))
                .with("reason", "too_complex");
    }
}
