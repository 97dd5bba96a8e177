package dev.mana.platform.credits;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * The credits ledger every charging function uses. Credits move only in one DynamoDB
 * {@code TransactWriteItems}: the balance update with its condition, the ledger entry and, when
 * the caller gives an idempotency key, the key's item; so a retried request never charges twice,
 * a charge is refunded at most once and the ledger always sums to the balance's movements.
 *
 * <p>Build one per container, at init, with the table name from {@code CREDITS_TABLE}:
 *
 * <pre>{@code new CreditLedger(aws.dynamoDb(), Environment.require("CREDITS_TABLE"))}</pre>
 *
 * <p>Amounts are whole credits from 1 to 1,000,000,000. Client input that breaks a rule is an
 * {@link ApiException} naming the field; running out of credits is a 402 with {@code balance}
 * and {@code price}. Idempotency keys are scoped to the account and the operation.
 */
public final class CreditLedger {
    private static final String CHARGE_OP = "charge";
    private static final String GRANT_OP = "grant";

    private final LedgerSettings settings;
    private final LedgerIds ids;
    private final CreditItems items;
    private final CreditReads reads;
    private final Transactions transactions;
    private final Holds holds;

    public CreditLedger(DynamoDbClient dynamo, String table) {
        this(dynamo, table, LedgerSettings.DEFAULTS);
    }

    public CreditLedger(DynamoDbClient dynamo, String table, LedgerSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.ids = new LedgerIds(settings.clock());
        this.items = new CreditItems(Objects.requireNonNull(table, "table"));
        this.reads = new CreditReads(dynamo, items);
        this.transactions = new Transactions(dynamo, settings);
        this.holds = new Holds(settings, ids, items, reads, transactions);
    }

    /**
     * Takes {@code amount} credits from the account, or none. The same {@code idempotencyKey}
     * with the same amount and reason returns the first charge again (charging nothing); with
     * another amount or reason it is a 409 {@code idempotency_key_reused}. A null key means the
     * caller needs no idempotency (each call charges).
     *
     * @throws ApiException 402 {@code insufficient_credits} (with {@code balance} and {@code
     *     price}), 422 for a bad amount or reason, 400 for a bad key, 429 after sustained
     *     contention on the account
     */
    public Charge charge(String accountId, long amount, String reason, String idempotencyKey) {
        LedgerInputs.account(accountId);
        LedgerInputs.amount(amount);
        LedgerInputs.reason(reason);
        LedgerInputs.idempotencyKey(idempotencyKey, false);
        Instant now = ids.now();
        String chargeId = ids.next(LedgerIds.CHARGE, now);
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(items.debit(accountId, amount, now));
        writes.add(items.ledgerEntry(
                accountId, new LedgerEntry(chargeId, LedgerEntry.Type.CHARGE, -amount, reason, null, now)));
        writes.add(items.chargeItem(new Charge(chargeId, accountId, amount, reason, now, 0)));
        int keyIndex = claimKey(writes, CHARGE_OP, accountId, idempotencyKey, amount, reason, chargeId, now);

        var outcome = transactions.write(writes);
        if (outcome.committed()) {
            return new Charge(chargeId, accountId, amount, reason, now, balanceNow(accountId));
        }
        if (outcome.failed(keyIndex)) {
            var first = replay(CHARGE_OP, accountId, idempotencyKey, amount, reason);
            return new Charge(first.resultId(), accountId, amount, reason, first.createdAt(), balanceNow(accountId));
        }
        if (outcome.failed(0)) {
            long balance = oldBalance(outcome.reason(0), accountId);
            throw new ApiException(
                            ErrorCode.INSUFFICIENT_CREDITS,
                            "This costs " + amount + " credits and the balance is " + balance + ".")
                    .with("balance", balance)
                    .with("price", amount);
        }
        throw new IllegalStateException("Charge cancelled for an unexpected reason: " + outcome.reasons());
    }

    /**
     * Adds {@code amount} credits (monthly grant, top-up), creating the balance if the account
     * has none. The key is required: the same key and request grant once (e.g. {@code
     * grant-2026-11} per account, or a payment event id).
     */
    public Grant grant(String accountId, long amount, String reason, String idempotencyKey) {
        LedgerInputs.account(accountId);
        LedgerInputs.amount(amount);
        LedgerInputs.reason(reason);
        LedgerInputs.idempotencyKey(idempotencyKey, true);
        Instant now = ids.now();
        String grantId = ids.next(LedgerIds.GRANT, now);
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(items.credit(accountId, amount, now));
        writes.add(items.ledgerEntry(
                accountId, new LedgerEntry(grantId, LedgerEntry.Type.GRANT, amount, reason, null, now)));
        int keyIndex = claimKey(writes, GRANT_OP, accountId, idempotencyKey, amount, reason, grantId, now);

        var outcome = transactions.write(writes);
        if (outcome.committed()) {
            return new Grant(grantId, accountId, amount, reason, now, balanceNow(accountId));
        }
        if (outcome.failed(keyIndex)) {
            var first = replay(GRANT_OP, accountId, idempotencyKey, amount, reason);
            return new Grant(first.resultId(), accountId, amount, reason, first.createdAt(), balanceNow(accountId));
        }
        throw new IllegalStateException("Grant cancelled for an unexpected reason: " + outcome.reasons());
    }

    /**
     * Gives a charge back in full, exactly once however often it is called (a job's failure
     * delivered twice, a retried request): every call returns the one refund.
     *
     * @throws ApiException 404 when there is no such charge
     */
    public Refund refund(String chargeId, String reason) {
        LedgerInputs.reason(reason);
        if (chargeId == null
                || !chargeId.startsWith(LedgerIds.CHARGE)
                || !LedgerIds.ID.matcher(chargeId).matches()) {
            throw noSuchCharge(chargeId);
        }
        var charge = reads.charge(chargeId).orElseThrow(() -> noSuchCharge(chargeId));
        if (charge.refunded()) return charge.refund(balanceNow(charge.accountId()));

        Instant now = ids.now();
        String refundId = ids.next(LedgerIds.REFUND, now);
        var outcome = transactions.write(List.of(
                items.refundMark(chargeId, refundId, reason, now),
                items.credit(charge.accountId(), charge.amount(), now),
                items.ledgerEntry(
                        charge.accountId(),
                        new LedgerEntry(refundId, LedgerEntry.Type.REFUND, charge.amount(), reason, chargeId, now))));
        if (outcome.committed()) {
            return new Refund(
                    refundId,
                    chargeId,
                    charge.accountId(),
                    charge.amount(),
                    reason,
                    now,
                    balanceNow(charge.accountId()));
        }
        if (outcome.failed(0)) {
            // Another call refunded it first: answer with that refund.
            var old = outcome.reason(0);
            var winner = old.hasItem() && !old.item().isEmpty()
                    ? CreditReads.chargeItem(old.item())
                    : reads.charge(chargeId).orElseThrow(() -> noSuchCharge(chargeId));
            return winner.refund(balanceNow(charge.accountId()));
        }
        throw new IllegalStateException("Refund cancelled for an unexpected reason: " + outcome.reasons());
    }

    /**
     * Reserves {@code amount} credits for work whose price is known when it ends: they leave the
     * spendable balance at once (so they cannot be spent twice) and come back, in full or in
     * part, when the hold is captured or released. The same key and request return the first
     * hold; another request under the key is a 409.
     *
     * @throws ApiException 402 {@code insufficient_credits} (with {@code balance} and {@code
     *     price}), 422 for a bad amount or reason, 400 for a bad key
     */
    public Hold hold(String accountId, long amount, String reason, String idempotencyKey) {
        return holds.hold(accountId, amount, reason, idempotencyKey);
    }

    /**
     * Ends a hold by charging {@code actual} credits (0 to the hold's amount; the charge is an
     * ordinary, refundable charge) and giving the rest back, exactly once: repeated or raced
     * calls return the hold as the first capture left it.
     *
     * @throws ApiException 404 for no such hold, 409 {@code conflict} if it was released
     */
    public Hold capture(String holdId, long actual) {
        var settlement = holds.capture(holdId, actual, List.of());
        return ended(settlement.hold(), Hold.State.CAPTURED, actual == 0 ? Hold.State.RELEASED : null);
    }

    /**
     * Ends a hold by giving every credit back, exactly once: repeated or raced calls return the
     * hold as the first release left it.
     *
     * @throws ApiException 404 for no such hold, 409 {@code conflict} if it was captured
     */
    public Hold release(String holdId) {
        return ended(holds.release(holdId, List.of()).hold(), Hold.State.RELEASED, null);
    }

    /** The hold as it is now. */
    public Optional<Hold> findHold(String holdId) {
        try {
            return Optional.of(holds.find(holdId));
        } catch (ApiException notFound) {
            return Optional.empty();
        }
    }

    /**
     * For another store of this platform ({@code JobStore}): reserves {@code amount} in the same
     * {@code TransactWriteItems} as the writes {@code others} builds for the new hold's id (items
     * of other tables included), so both happen or neither does.
     *
     * @return the hold; empty when one of the other writes failed its condition (nothing written)
     * @throws ApiException 402 {@code insufficient_credits} as {@link #hold}
     */
    public Optional<Hold> holdAlongside(
            String accountId, long amount, String reason, Function<String, List<TransactWriteItem>> others) {
        return holds.reserve(accountId, amount, reason, others);
    }

    /** {@link #capture} in one transaction with {@code others}: both happen, or neither. */
    public Settlement captureAlongside(String holdId, long actual, List<TransactWriteItem> others) {
        return holds.capture(holdId, actual, others);
    }

    /** {@link #release} in one transaction with {@code others}: both happen, or neither. */
    public Settlement releaseAlongside(String holdId, List<TransactWriteItem> others) {
        return holds.release(holdId, others);
    }

    private static Hold ended(Hold hold, Hold.State wanted, Hold.State alsoFine) {
        if (hold.state() == wanted || hold.state() == alsoFine) return hold;
        throw new ApiException(
                ErrorCode.CONFLICT,
                "The hold " + hold.holdId() + " was already "
                        + hold.state().name().toLowerCase(java.util.Locale.ROOT) + ".");
    }

    /**
     * The account's spendable balance and its held credits now; 0 (and no {@code updatedAt}) for
     * an account never credited.
     */
    public Balance balance(String accountId) {
        LedgerInputs.account(accountId);
        return reads.balance(accountId);
    }

    /**
     * The account's movements, newest first, {@code limit} (1 to 100) at a time.
     *
     * @param cursor null for the newest page, else a previous page's {@code nextCursor}
     * @throws ApiException 400 {@code invalid_parameter} for a cursor that is not one of ours
     */
    public LedgerPage ledger(String accountId, String cursor, int limit) {
        LedgerInputs.account(accountId);
        LedgerInputs.pageSize(limit);
        return reads.ledger(accountId, LedgerCursor.decode(cursor), limit);
    }

    /** Adds the idempotency key's item to the transaction; its index, or -1 without a key. */
    private int claimKey(
            List<TransactWriteItem> writes,
            String op,
            String accountId,
            String key,
            long amount,
            String reason,
            String resultId,
            Instant now) {
        if (key == null) return -1;
        Instant wall = ids.wallClock();
        var record = new IdempotencyRecord(
                op, accountId, key, amount, reason, resultId, now, wall.plus(settings.idempotencyWindow()));
        writes.add(items.idempotency(record, wall));
        return writes.size() - 1;
    }

    /** The first request under a key that is taken: the same request, or a 409. */
    private IdempotencyRecord replay(String op, String accountId, String key, long amount, String reason) {
        var first = reads.idempotency(op, accountId, key, ids.wallClock())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "A request with this Idempotency-Key is finishing; retry it."));
        if (!first.sameRequest(amount, reason)) {
            throw new ApiException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key.")
                    .with("parameter", "Idempotency-Key");
        }
        return first;
    }

    private long oldBalance(CancellationReason reason, String accountId) {
        return reason.hasItem() && !reason.item().isEmpty()
                ? CreditReads.balanceOf(reason.item())
                : balanceNow(accountId);
    }

    private long balanceNow(String accountId) {
        return reads.balance(accountId).balance();
    }

    private static ApiException noSuchCharge(String chargeId) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no charge " + chargeId + ".");
    }
}
