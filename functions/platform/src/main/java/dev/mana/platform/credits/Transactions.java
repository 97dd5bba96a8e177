package dev.mana.platform.credits;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Log;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * Runs one {@code TransactWriteItems}, retrying contention (a {@code TransactionConflict}: another
 * transaction held one of the items) with full-jitter exponential backoff, a bounded number of
 * times. A cancellation for any other reason comes back for the caller to read; each reason
 * sits at the index of its item.
 */
final class Transactions {
    private final DynamoDbClient dynamo;
    private final int maxAttempts;
    private final Duration backoffBase;
    private final Duration backoffMax;

    Transactions(DynamoDbClient dynamo, LedgerSettings settings) {
        this.dynamo = dynamo;
        this.maxAttempts = settings.maxAttempts();
        this.backoffBase = settings.backoffBase();
        this.backoffMax = settings.backoffMax();
    }

    /** The outcome: committed, or cancelled with one reason per item. */
    record Outcome(List<CancellationReason> reasons) {
        static final Outcome COMMITTED = new Outcome(List.of());

        boolean committed() {
            return reasons.isEmpty();
        }

        /** Whether the item at {@code index} failed its condition; false for -1 (no such item). */
        boolean failed(int index) {
            return index >= 0
                    && index < reasons.size()
                    && "ConditionalCheckFailed".equals(reasons.get(index).code());
        }

        CancellationReason reason(int index) {
            return reasons.get(index);
        }
    }

    Outcome write(List<TransactWriteItem> items) {
        for (int attempt = 1; ; attempt++) {
            try {
                // A new request each time: the SDK gives each its own ClientRequestToken, so its
                // own retries of one request (a lost response) cannot apply it twice.
                dynamo.transactWriteItems(t -> t.transactItems(items));
                return Outcome.COMMITTED;
            } catch (TransactionCanceledException e) {
                var reasons = e.hasCancellationReasons() ? e.cancellationReasons() : List.<CancellationReason>of();
                if (has(reasons, "ConditionalCheckFailed")) return new Outcome(reasons);
                if (!has(reasons, "TransactionConflict")) throw e;
                if (attempt >= maxAttempts) {
                    Log.warn("credits transaction gave up under contention", "attempts", attempt);
                    throw new ApiException(
                                    ErrorCode.RATE_LIMITED,
                                    "Too many concurrent charges on this account; retry in a moment.")
                            .withHeader("Retry-After", "1");
                }
                sleep(attempt);
            }
        }
    }

    private static boolean has(List<CancellationReason> reasons, String code) {
        return reasons.stream().anyMatch(r -> code.equals(r.code()));
    }

    private void sleep(int attempt) {
        long ceiling = Math.min(backoffMax.toMillis(), backoffBase.toMillis() << Math.min(attempt - 1, 20));
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(ceiling + 1));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while retrying a credits transaction", e);
        }
    }
}
