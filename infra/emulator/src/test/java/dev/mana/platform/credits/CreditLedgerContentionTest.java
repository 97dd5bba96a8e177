package dev.mana.platform.credits;

import static dev.mana.platform.credits.LedgerFixture.newAccount;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class CreditLedgerContentionTest {
    private final EmulatedStack stack;
    private final CreditLedger plain;

    CreditLedgerContentionTest(EmulatedStack stack) {
        this.stack = stack;
        this.plain = LedgerFixture.ledger(stack);
    }

    private CreditLedger conflicting(int conflicts, int maxAttempts, AtomicInteger seen) {
        return new CreditLedger(
                ConflictingDynamoDb.wrap(LedgerFixture.dynamoDb(stack), conflicts, seen),
                stack.ref("CreditsTable"),
                LedgerSettings.DEFAULTS.withMaxAttempts(maxAttempts));
    }

    @Test
    void charge_afterTransactionConflicts_retriesAndChargesOnce() {
        String account = newAccount();
        plain.grant(account, 10, "top-up", "evt_1");
        var seen = new AtomicInteger();

        var charge = conflicting(3, 8, seen).charge(account, 4, "search", "req-1");

        assertThat(seen).hasValue(4);
        assertThat(charge.balanceAfter()).isEqualTo(6);
        assertThat(plain.balance(account).balance()).isEqualTo(6);
        assertThat(LedgerFixture.wholeLedger(plain, account)).hasSize(2);
    }

    @Test
    void charge_conflictingOnEveryAttempt_answers429WithRetryAfter_andWritesNothing() {
        String account = newAccount();
        plain.grant(account, 10, "top-up", "evt_1");
        var seen = new AtomicInteger();

        var error = catchThrowableOfType(
                ApiException.class, () -> conflicting(100, 3, seen).charge(account, 4, "search", "req-1"));

        assertThat(seen).hasValue(3);
        assertThat(error.errorCode()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(error.headers()).containsEntry("Retry-After", "1");
        assertThat(plain.balance(account).balance()).isEqualTo(10);
        // Nothing was claimed: the key still charges once contention passes.
        assertThat(plain.charge(account, 4, "search", "req-1").balanceAfter()).isEqualTo(6);
    }

    @Test
    void refund_afterTransactionConflicts_refundsOnce() {
        String account = newAccount();
        plain.grant(account, 10, "top-up", "evt_1");
        var charge = plain.charge(account, 4, "stt job", "job_1");

        var refund = conflicting(2, 8, new AtomicInteger()).refund(charge.chargeId(), "job failed");

        assertThat(refund.balanceAfter()).isEqualTo(10);
        assertThat(plain.refund(charge.chargeId(), "again")).isEqualTo(refund);
        assertThat(plain.balance(account).balance()).isEqualTo(10);
    }
}
