package dev.mana.platform.credits;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;

/**
 * Holds for {@link CreditLedger}: reserve, capture, release. Each is one transaction; the hold
 * item's state moves once from HELD under a condition, so a capture or release repeated or raced
 * takes effect once and every later call answers with the hold as it ended.
 */
final class Holds {
    static final String HOLD_OP = "hold";

    private final LedgerSettings settings;
    private final LedgerIds ids;
    private final CreditItems items;
    private final CreditReads reads;
    private final Transactions transactions;

    Holds(LedgerSettings settings, LedgerIds ids, CreditItems items, CreditReads reads, Transactions transactions) {
        this.settings = settings;
        this.ids = ids;
        this.items = items;
        this.reads = reads;
        this.transactions = transactions;
    }

    Hold hold(String accountId, long amount, String reason, String idempotencyKey) {
        LedgerInputs.idempotencyKey(idempotencyKey, false);
        var held = reserve(accountId, amount, reason, holdId -> {
            if (idempotencyKey == null) return List.of();
            Instant wall = ids.wallClock();
            var record = new IdempotencyRecord(
                    HOLD_OP,
                    accountId,
                    idempotencyKey,
                    amount,
                    reason,
                    holdId,
                    wall,
                    wall.plus(settings.idempotencyWindow()));
            return List.of(items.idempotency(record, wall));
        });
        if (held.isPresent()) return held.get();
        var first = reads.idempotency(HOLD_OP, accountId, idempotencyKey, ids.wallClock())
                .orElseThrow(() -> new ApiException(
                        ErrorCode.CONFLICT, "A request with this Idempotency-Key is finishing; retry it."));
        if (!first.sameRequest(amount, reason)) {
            throw new ApiException(
                            ErrorCode.IDEMPOTENCY_KEY_REUSED,
                            "This Idempotency-Key was used for a different request; use a new key.")
                    .with("parameter", "Idempotency-Key");
        }
        return reads.hold(first.resultId()).orElseThrow(() -> noSuchHold(first.resultId()));
    }

    /** Reserves in one transaction with {@code others}; empty when one of them failed its condition. */
    Optional<Hold> reserve(
            String accountId, long amount, String reason, Function<String, List<TransactWriteItem>> others) {
        LedgerInputs.account(accountId);
        LedgerInputs.amount(amount);
        LedgerInputs.reason(reason);
        Instant now = ids.now();
        var hold = new Hold(
                ids.next(LedgerIds.HOLD, now), accountId, amount, reason, Hold.State.HELD, now, 0, 0, null, null);
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(items.reserve(accountId, amount, now));
        writes.add(items.holdItem(hold));
        writes.add(items.ledgerEntry(
                accountId, new LedgerEntry(hold.holdId(), LedgerEntry.Type.HOLD, -amount, reason, null, now)));
        int firstOther = writes.size();
        writes.addAll(others.apply(hold.holdId()));

        var outcome = transactions.write(writes);
        if (outcome.committed()) return Optional.of(hold);
        for (int i = firstOther; i < writes.size(); i++) {
            if (outcome.failed(i)) return Optional.empty();
        }
        if (outcome.failed(0)) {
            var old = outcome.reason(0);
            long balance = old.hasItem() && !old.item().isEmpty()
                    ? CreditReads.balanceOf(old.item())
                    : reads.balance(accountId).balance();
            throw new ApiException(
                            ErrorCode.INSUFFICIENT_CREDITS,
                            "This needs " + amount + " credits and the balance is " + balance + ".")
                    .with("balance", balance)
                    .with("price", amount);
        }
        throw new IllegalStateException("Hold cancelled for an unexpected reason: " + outcome.reasons());
    }

    /** Ends the hold: charges {@code actual} (0 to the hold's amount) and gives the rest back. */
    Settlement capture(String holdId, long actual, List<TransactWriteItem> others) {
        var hold = find(holdId);
        if (actual < 0 || actual > hold.amount()) {
            throw new IllegalArgumentException(
                    "Cannot capture " + actual + " of hold " + holdId + " of " + hold.amount() + " credits");
        }
        return settle(hold, actual, others);
    }

    /** Ends the hold, giving every credit back. */
    Settlement release(String holdId, List<TransactWriteItem> others) {
        return settle(find(holdId), 0, others);
    }

    private Settlement settle(Hold hold, long actual, List<TransactWriteItem> others) {
        if (hold.settled()) return new Settlement(Settlement.Outcome.ALREADY_SETTLED, hold);
        Instant now = ids.now();
        boolean capture = actual > 0;
        String chargeId = capture ? ids.next(LedgerIds.CHARGE, now) : null;
        var ended = new Hold(
                hold.holdId(),
                hold.accountId(),
                hold.amount(),
                hold.reason(),
                capture ? Hold.State.CAPTURED : Hold.State.RELEASED,
                hold.createdAt(),
                actual,
                hold.amount() - actual,
                chargeId,
                now);
        String account = hold.accountId();
        var writes = new ArrayList<TransactWriteItem>();
        writes.add(items.settleMark(ended));
        writes.add(items.unreserve(account, hold.amount(), hold.amount() - actual, now));
        writes.add(items.ledgerEntry(
                account,
                new LedgerEntry(
                        ids.next(LedgerIds.RELEASE, now),
                        LedgerEntry.Type.RELEASE,
                        hold.amount(),
                        hold.reason(),
                        hold.holdId(),
                        now)));
        if (capture) {
            Instant chargedAt = ids.now();
            var charge = new Charge(chargeId, account, actual, hold.reason(), chargedAt, 0);
            writes.add(items.ledgerEntry(
                    account,
                    new LedgerEntry(chargeId, LedgerEntry.Type.CHARGE, -actual, hold.reason(), null, chargedAt)));
            writes.add(items.chargeItem(charge));
        }
        int firstOther = writes.size();
        writes.addAll(others);

        var outcome = transactions.write(writes);
        if (outcome.committed()) return new Settlement(Settlement.Outcome.SETTLED, ended);
        if (outcome.failed(0)) {
            var old = outcome.reason(0);
            var winner =
                    old.hasItem() && !old.item().isEmpty() ? CreditReads.holdItem(old.item()) : find(hold.holdId());
            return new Settlement(Settlement.Outcome.ALREADY_SETTLED, winner);
        }
        for (int i = firstOther; i < writes.size(); i++) {
            if (outcome.failed(i)) return new Settlement(Settlement.Outcome.REFUSED, hold);
        }
        throw new IllegalStateException("Settling a hold cancelled for an unexpected reason: " + outcome.reasons());
    }

    Hold find(String holdId) {
        if (holdId == null
                || !holdId.startsWith(LedgerIds.HOLD)
                || !LedgerIds.ID.matcher(holdId).matches()) {
            throw noSuchHold(holdId);
        }
        return reads.hold(holdId).orElseThrow(() -> noSuchHold(holdId));
    }

    private static ApiException noSuchHold(String holdId) {
        return new ApiException(ErrorCode.NOT_FOUND, "There is no hold " + holdId + ".");
    }
}
