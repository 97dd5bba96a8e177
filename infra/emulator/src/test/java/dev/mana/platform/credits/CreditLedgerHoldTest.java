package dev.mana.platform.credits;

import static dev.mana.platform.credits.LedgerFixture.concurrently;
import static dev.mana.platform.credits.LedgerFixture.newAccount;
import static dev.mana.platform.credits.LedgerFixture.wholeLedger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class CreditLedgerHoldTest {
    private final CreditLedger ledger;

    CreditLedgerHoldTest(EmulatedStack stack) {
        this.ledger = LedgerFixture.ledger(stack);
    }

    @Test
    void hold_takesCreditsOutOfTheSpendableBalance_andReportsThemHeld() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");

        var hold = ledger.hold(account, 60, "job job_x", null);

        assertThat(hold.holdId()).matches("hld_[0-9a-z]{26}");
        assertThat(hold.state()).isEqualTo(Hold.State.HELD);
        assertThat(ledger.balance(account).balance()).isEqualTo(40);
        assertThat(ledger.balance(account).held()).isEqualTo(60);
        assertThatThrownBy(() -> ledger.charge(account, 41, "search", null))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS));
    }

    @Test
    void hold_overTheBalance_answers402_andHoldsNothing() {
        String account = newAccount();
        ledger.grant(account, 10, "top-up", "g1");

        assertThatThrownBy(() -> ledger.hold(account, 11, "job", null))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.errorCode()).isEqualTo(ErrorCode.INSUFFICIENT_CREDITS);
                    assertThat(e.extensions()).containsEntry("balance", 10L).containsEntry("price", 11L);
                });
        assertThat(ledger.balance(account).held()).isZero();
    }

    @Test
    void hold_sameKeyTwice_holdsOnce() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");

        var first = ledger.hold(account, 30, "job", "k1");
        var again = ledger.hold(account, 30, "job", "k1");

        assertThat(again.holdId()).isEqualTo(first.holdId());
        assertThat(ledger.balance(account).balance()).isEqualTo(70);
    }

    @Test
    void capture_chargesTheActualPrice_andGivesTheRestBack() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");
        var hold = ledger.hold(account, 60, "job", null);

        var captured = ledger.capture(hold.holdId(), 25);

        assertThat(captured.state()).isEqualTo(Hold.State.CAPTURED);
        assertThat(captured.captured()).isEqualTo(25);
        assertThat(captured.released()).isEqualTo(35);
        assertThat(captured.chargeId()).matches("chg_[0-9a-z]{26}");
        var balance = ledger.balance(account);
        assertThat(balance.balance()).isEqualTo(75);
        assertThat(balance.held()).isZero();
        var entries = wholeLedger(ledger, account);
        assertThat(entries.stream().map(LedgerEntry::type).toList())
                .containsExactly(
                        LedgerEntry.Type.CHARGE,
                        LedgerEntry.Type.RELEASE,
                        LedgerEntry.Type.HOLD,
                        LedgerEntry.Type.GRANT);
        assertThat(entries.stream().mapToLong(LedgerEntry::amount).sum()).isEqualTo(75);
        // The capture's charge is an ordinary charge: refundable once.
        assertThat(ledger.refund(captured.chargeId(), "goodwill").amount()).isEqualTo(25);
        assertThat(ledger.balance(account).balance()).isEqualTo(100);
    }

    @Test
    void captureDeliveredManyTimesAtOnce_capturesOnce() throws Exception {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");
        var hold = ledger.hold(account, 50, "job", null);

        var outcomes = concurrently(12, 12, () -> ledger.capture(hold.holdId(), 20));

        assertThat(outcomes).allMatch(LedgerFixture.Outcome::succeeded);
        assertThat(outcomes.stream().map(o -> o.value().chargeId()).collect(Collectors.toSet()))
                .hasSize(1);
        assertThat(ledger.balance(account).balance()).isEqualTo(80);
        assertThat(ledger.balance(account).held()).isZero();
        assertThat(wholeLedger(ledger, account))
                .filteredOn(e -> e.type() == LedgerEntry.Type.CHARGE)
                .hasSize(1);
    }

    @Test
    void captureAndReleaseRacing_oneWins_andTheBalanceMovesOnce() throws Exception {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");
        var hold = ledger.hold(account, 40, "job", null);

        var turn = new java.util.concurrent.atomic.AtomicInteger();
        var outcomes = concurrently(
                16,
                16,
                () -> turn.incrementAndGet() % 2 == 0
                        ? ledger.capture(hold.holdId(), 40)
                        : ledger.release(hold.holdId()));

        var ended = ledger.findHold(hold.holdId()).orElseThrow();
        assertThat(ended.settled()).isTrue();
        for (var outcome : outcomes) {
            if (outcome.succeeded()) {
                assertThat(outcome.value()).isEqualTo(ended);
            } else {
                assertThat(outcome.error())
                        .isInstanceOfSatisfying(
                                ApiException.class,
                                e -> assertThat(e.errorCode()).isEqualTo(ErrorCode.CONFLICT));
            }
        }
        long expected = ended.state() == Hold.State.CAPTURED ? 60 : 100;
        assertThat(ledger.balance(account).balance()).isEqualTo(expected);
        assertThat(ledger.balance(account).held()).isZero();
        assertThat(wholeLedger(ledger, account))
                .filteredOn(e -> e.type() == LedgerEntry.Type.RELEASE)
                .hasSize(1);
    }

    @Test
    void releaseTwice_givesBackOnce() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "g1");
        var hold = ledger.hold(account, 40, "job", null);

        var first = ledger.release(hold.holdId());
        var again = ledger.release(hold.holdId());

        assertThat(again).isEqualTo(first);
        assertThat(first.released()).isEqualTo(40);
        assertThat(ledger.balance(account).balance()).isEqualTo(100);
    }
}
