package dev.mana.platform.credits;

import dev.mana.emulator.EmulatedStack;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

// These tests live in infra/emulator because platform's own tests cannot use the emulator (Maven cycle).

/** A ledger on a test stack's CreditsTable, fresh account ids, and a way to run calls at once. */
final class LedgerFixture {
    private LedgerFixture() {}

    /**
     * A ledger on the stack's table. The emulator serves one request at a time (see
     * infra/local/aws-emulator), so the ledger's threads race between requests as they would
     * against DynamoDB's serialisable transactions.
     */
    static CreditLedger ledger(EmulatedStack stack) {
        return ledger(stack, LedgerSettings.DEFAULTS);
    }

    static CreditLedger ledger(EmulatedStack stack, LedgerSettings settings) {
        return new CreditLedger(dynamoDb(stack), stack.ref("CreditsTable"), settings);
    }

    static DynamoDbClient dynamoDb(EmulatedStack stack) {
        return stack.clients().dynamoDb();
    }

    static String newAccount() {
        return "acct_" + UUID.randomUUID().toString().replace("-", "");
    }

    /** Runs {@code calls} copies of {@code call} on {@code threads} threads; each outcome in order. */
    static <T> List<Outcome<T>> concurrently(int calls, int threads, Callable<T> call) throws InterruptedException {
        try (var pool = Executors.newFixedThreadPool(threads)) {
            var futures = new ArrayList<Future<T>>();
            for (int i = 0; i < calls; i++) futures.add(pool.submit(call));
            var outcomes = new ArrayList<Outcome<T>>();
            for (var future : futures) {
                try {
                    outcomes.add(new Outcome<>(future.get(), null));
                } catch (ExecutionException e) {
                    outcomes.add(new Outcome<>(null, e.getCause()));
                }
            }
            return outcomes;
        }
    }

    record Outcome<T>(T value, Throwable error) {
        boolean succeeded() {
            return error == null;
        }
    }

    /** Every entry of the account's ledger, newest first, through the cursor. */
    static List<LedgerEntry> wholeLedger(CreditLedger ledger, String accountId) {
        var all = new ArrayList<LedgerEntry>();
        String cursor = null;
        do {
            var page = ledger.ledger(accountId, cursor, 100);
            all.addAll(page.entries());
            cursor = page.nextCursor();
        } while (cursor != null);
        return all;
    }
}
