package dev.mana.platform.credits;

import static dev.mana.platform.credits.LedgerFixture.newAccount;
import static dev.mana.platform.credits.LedgerFixture.wholeLedger;
import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.MovableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(AwsEmulatorExtension.class)
class CreditLedgerHappyTest {
    private final EmulatedStack stack;
    private final CreditLedger ledger;

    CreditLedgerHappyTest(EmulatedStack stack) {
        this.stack = stack;
        this.ledger = LedgerFixture.ledger(stack);
    }

    @Test
    void balance_ofAccountNeverCredited_isZero() {
        var balance = ledger.balance(newAccount());

        assertThat(balance.balance()).isZero();
        assertThat(balance.updatedAt()).isNull();
    }

    @Test
    void grant_toNewAccount_createsTheBalance() {
        String account = newAccount();

        var grant = ledger.grant(account, 1000, "monthly grant free", "grant-2026-11");

        assertThat(grant.grantId()).matches("grt_[0-9a-z]{26}");
        assertThat(grant.balanceAfter()).isEqualTo(1000);
        assertThat(ledger.balance(account).balance()).isEqualTo(1000);
        assertThat(ledger.balance(account).updatedAt()).isNotNull();
    }

    @Test
    void charge_takesCredits_andWritesOneLedgerEntry() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "evt_1");

        var charge = ledger.charge(account, 30, "search", "req-1");

        assertThat(charge.chargeId()).matches("chg_[0-9a-z]{26}");
        assertThat(charge.amount()).isEqualTo(30);
        assertThat(charge.balanceAfter()).isEqualTo(70);
        assertThat(ledger.balance(account).balance()).isEqualTo(70);
        assertThat(ledger.ledger(account, null, 1).entries())
                .singleElement()
                .isEqualTo(new LedgerEntry(
                        charge.chargeId(), LedgerEntry.Type.CHARGE, -30, "search", null, charge.createdAt()));
    }

    @Test
    void charge_sameKeyAndRequestAgain_returnsTheFirstCharge_andChargesOnce() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "evt_1");

        var first = ledger.charge(account, 10, "tts", "req-1");
        var again = ledger.charge(account, 10, "tts", "req-1");

        assertThat(again).isEqualTo(first);
        assertThat(ledger.balance(account).balance()).isEqualTo(90);
    }

    @Test
    void charge_withoutKey_chargesEachCall() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "evt_1");

        ledger.charge(account, 10, "search", null);
        ledger.charge(account, 10, "search", null);

        assertThat(ledger.balance(account).balance()).isEqualTo(80);
    }

    @Test
    void idempotencyKeys_areScopedToTheAccount() {
        String a = newAccount();
        String b = newAccount();
        ledger.grant(a, 10, "top-up", "same-key");
        ledger.grant(b, 10, "top-up", "same-key");

        var chargeA = ledger.charge(a, 3, "search", "same-key");
        var chargeB = ledger.charge(b, 3, "search", "same-key");

        assertThat(chargeA.chargeId()).isNotEqualTo(chargeB.chargeId());
        assertThat(ledger.balance(a).balance()).isEqualTo(7);
        assertThat(ledger.balance(b).balance()).isEqualTo(7);
    }

    @Test
    void grant_sameKeyTwice_grantsOnce_andAnswersTheFirstGrant() {
        String account = newAccount();

        var first = ledger.grant(account, 500, "monthly grant pro", "grant-2026-12");
        var again = ledger.grant(account, 500, "monthly grant pro", "grant-2026-12");

        assertThat(again).isEqualTo(first);
        assertThat(ledger.balance(account).balance()).isEqualTo(500);
        assertThat(wholeLedger(ledger, account)).hasSize(1);
    }

    @Test
    void refund_givesTheChargeBack_onceHoweverOftenItIsApplied() {
        String account = newAccount();
        ledger.grant(account, 20, "top-up", "evt_1");
        var charge = ledger.charge(account, 8, "stt job", "job_1");

        var refund = ledger.refund(charge.chargeId(), "job failed");
        var again = ledger.refund(charge.chargeId(), "job failed, delivered again");

        assertThat(refund.refundId()).matches("rfd_[0-9a-z]{26}");
        assertThat(refund.amount()).isEqualTo(8);
        assertThat(refund.balanceAfter()).isEqualTo(20);
        assertThat(again).isEqualTo(refund);
        assertThat(ledger.balance(account).balance()).isEqualTo(20);
        assertThat(ledger.ledger(account, null, 1).entries())
                .singleElement()
                .isEqualTo(new LedgerEntry(
                        refund.refundId(),
                        LedgerEntry.Type.REFUND,
                        8,
                        "job failed",
                        charge.chargeId(),
                        refund.createdAt()));
    }

    @Test
    void ledger_listsNewestFirst_acrossPages() {
        String account = newAccount();
        var ids = new ArrayList<String>();
        ids.add(ledger.grant(account, 100, "top-up", "evt_1").grantId());
        for (int i = 0; i < 5; i++)
            ids.add(ledger.charge(account, 1 + i, "search", null).chargeId());
        ids.add(ledger.refund(ids.get(1), "upstream failed").refundId());

        var first = ledger.ledger(account, null, 3);
        var second = ledger.ledger(account, first.nextCursor(), 3);
        var third = ledger.ledger(account, second.nextCursor(), 3);

        assertThat(first.entries()).hasSize(3);
        assertThat(second.entries()).hasSize(3);
        assertThat(third.entries()).hasSize(1);
        assertThat(third.nextCursor()).isNull();
        List<LedgerEntry> all = new ArrayList<>(first.entries());
        all.addAll(second.entries());
        all.addAll(third.entries());
        assertThat(all).extracting(LedgerEntry::id).containsExactlyElementsOf(ids.reversed());
        assertThat(all)
                .extracting(LedgerEntry::createdAt)
                .isSortedAccordingTo(Comparator.reverseOrder())
                .doesNotHaveDuplicates();
        assertThat(all.stream().mapToLong(LedgerEntry::amount).sum())
                .isEqualTo(ledger.balance(account).balance());
    }

    @Test
    void ledger_pageThatEndsTheLedger_hasNoCursor() {
        String account = newAccount();
        ledger.grant(account, 10, "top-up", "evt_1");
        ledger.grant(account, 10, "top-up", "evt_2");

        var page = ledger.ledger(account, null, 2);

        assertThat(page.entries()).hasSize(2);
        assertThat(page.hasMore()).isFalse();
        assertThat(ledger.ledger(newAccount(), null, 10).entries()).isEmpty();
    }

    @Test
    void charge_sameKeyAfterTheIdempotencyWindow_isANewCharge() {
        var clock = new MovableClock(Instant.parse("2026-11-27T10:00:00Z"));
        var windowed = LedgerFixture.ledger(
                stack,
                new LedgerSettings(Duration.ofHours(24), 8, Duration.ofMillis(10), Duration.ofMillis(250), clock));
        String account = newAccount();
        windowed.grant(account, 100, "top-up", "evt_1");

        var first = windowed.charge(account, 5, "search", "req-1");
        clock.advance(Duration.ofHours(23));
        var withinWindow = windowed.charge(account, 5, "search", "req-1");
        clock.advance(Duration.ofHours(2));
        var afterWindow = windowed.charge(account, 5, "search", "req-1");

        assertThat(withinWindow.chargeId()).isEqualTo(first.chargeId());
        assertThat(afterWindow.chargeId()).isNotEqualTo(first.chargeId());
        assertThat(windowed.balance(account).balance()).isEqualTo(90);
    }
}
