package dev.mana.platform.credits;

import static dev.mana.platform.credits.LedgerFixture.concurrently;
import static dev.mana.platform.credits.LedgerFixture.newAccount;
import static dev.mana.platform.credits.LedgerFixture.wholeLedger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class CreditLedgerConcurrencyTest {
    private final CreditLedger ledger;

    CreditLedgerConcurrencyTest(EmulatedStack stack) {
        this.ledger = LedgerFixture.ledger(stack);
    }

    @Test
    void twoHundredDebitsOfOne_onBalanceOfHundred_exactlyHundredSucceed() throws Exception {
        String account = newAccount();
        ledger.grant(account, 100, "test grant", "grant-1");

        var outcomes = concurrently(200, 32, () -> ledger.charge(account, 1, "search", null));

        var succeeded =
                outcomes.stream().filter(LedgerFixture.Outcome::succeeded).toList();
        var refused = outcomes.stream().filter(o -> !o.succeeded()).toList();
        assertThat(succeeded.size()).isEqualTo(100);
        assertThat(succeeded.stream().map(o -> o.value().chargeId()).distinct().count())
                .isEqualTo(100);
        assertThat(refused.size()).isEqualTo(100);
        for (var refusal : refused) {
            assertThat(refusal.error()).isInstanceOfSatisfying(ApiException.class, e -> {
                assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS);
                assertThat(e.errorCode().status()).isEqualTo(402);
                assertThat(e.extensions()).containsEntry("balance", 0L).containsEntry("price", 1L);
            });
        }
        assertThat(ledger.balance(account).balance()).isZero();
        var entries = wholeLedger(ledger, account);
        var charges = entries.stream()
                .filter(e -> e.type() == LedgerEntry.Type.CHARGE)
                .toList();
        assertThat(charges).hasSize(100);
        assertThat(charges.stream().mapToLong(LedgerEntry::amount).sum()).isEqualTo(-100);
        assertThat(entries.stream().mapToLong(LedgerEntry::amount).sum()).isZero();
    }

    @Test
    void sameIdempotencyKeyTwentyTimesAtOnce_chargesOnce_andAnswersTheSameCharge() throws Exception {
        String account = newAccount();
        ledger.grant(account, 50, "test grant", "grant-1");

        var outcomes = concurrently(20, 20, () -> ledger.charge(account, 7, "extract", "idem-20"));

        assertThat(outcomes).allMatch(LedgerFixture.Outcome::succeeded);
        var answers = outcomes.stream().map(LedgerFixture.Outcome::value).collect(Collectors.toSet());
        assertThat(answers).hasSize(1);
        var charge = answers.iterator().next();
        assertThat(charge.amount()).isEqualTo(7);
        assertThat(charge.balanceAfter()).isEqualTo(43);
        assertThat(ledger.balance(account).balance()).isEqualTo(43);
        assertThat(wholeLedger(ledger, account))
                .filteredOn(e -> e.type() == LedgerEntry.Type.CHARGE)
                .singleElement()
                .satisfies(e -> assertThat(e.id()).isEqualTo(charge.chargeId()));
    }

    @Test
    void refundDeliveredManyTimesAtOnce_refundsOnce_andAnswersTheSameRefund() throws Exception {
        String account = newAccount();
        ledger.grant(account, 10, "test grant", "grant-1");
        var charge = ledger.charge(account, 4, "stt job", "job-1");

        var outcomes = concurrently(16, 16, () -> ledger.refund(charge.chargeId(), "job failed"));

        assertThat(outcomes).allMatch(LedgerFixture.Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.value()).collect(Collectors.toSet()))
                .singleElement()
                .satisfies(r -> {
                    assertThat(r.amount()).isEqualTo(4);
                    assertThat(r.chargeId()).isEqualTo(charge.chargeId());
                    assertThat(r.balanceAfter()).isEqualTo(10);
                });
        assertThat(ledger.balance(account).balance()).isEqualTo(10);
        assertThat(wholeLedger(ledger, account))
                .filteredOn(e -> e.type() == LedgerEntry.Type.REFUND)
                .hasSize(1);
    }

    @Test
    void grantWithOneKeyAtOnce_grantsOnce() throws Exception {
        String account = newAccount();

        var outcomes = concurrently(16, 16, () -> ledger.grant(account, 1000, "monthly grant", "grant-2026-11"));

        assertThat(outcomes).allMatch(LedgerFixture.Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.value().grantId()).distinct()).hasSize(1);
        assertThat(ledger.balance(account).balance()).isEqualTo(1000);
        assertThat(wholeLedger(ledger, account)).hasSize(1);
    }
}
