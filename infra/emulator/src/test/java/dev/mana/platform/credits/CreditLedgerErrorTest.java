package dev.mana.platform.credits;

import static dev.mana.platform.credits.LedgerFixture.newAccount;
import static dev.mana.platform.credits.LedgerFixture.wholeLedger;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@ExtendWith(AwsEmulatorExtension.class)
class CreditLedgerErrorTest {
    private final CreditLedger ledger;

    CreditLedgerErrorTest(EmulatedStack stack) {
        this.ledger = LedgerFixture.ledger(stack);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, -1, -100, 1_000_000_001L, Long.MAX_VALUE, Long.MIN_VALUE})
    void chargeOrGrant_amountNotFrom1To1e9_answers422NamingAmount(long amount) {
        String account = newAccount();
        ledger.grant(account, 10, "top-up", "evt_1");

        assertApiError(() -> ledger.charge(account, amount, "search", null), ErrorCode.INVALID_FIELD, 422)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("field", "amount"));
        assertApiError(() -> ledger.grant(account, amount, "top-up", "evt_2"), ErrorCode.INVALID_FIELD, 422)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("field", "amount"));
        assertThat(ledger.balance(account).balance()).isEqualTo(10);
    }

    @Test
    void charge_moreThanTheBalance_answers402WithBalanceAndPrice_andWritesNothing() {
        String account = newAccount();
        ledger.grant(account, 5, "top-up", "evt_1");

        assertApiError(() -> ledger.charge(account, 6, "tts", "req-1"), ErrorCode.INSUFFICIENT_CREDITS, 402)
                .satisfies(e ->
                        assertThat(e.extensions()).containsEntry("balance", 5L).containsEntry("price", 6L));

        assertThat(ledger.balance(account).balance()).isEqualTo(5);
        assertThat(wholeLedger(ledger, account)).hasSize(1);
        // The refused request claimed nothing: the same key works once credits suffice.
        assertThat(ledger.charge(account, 5, "tts", "req-1").balanceAfter()).isZero();
    }

    @Test
    void charge_accountNeverCredited_answers402WithZeroBalance() {
        String account = newAccount();

        assertApiError(() -> ledger.charge(account, 1, "search", null), ErrorCode.INSUFFICIENT_CREDITS, 402)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("balance", 0L));
        assertThat(ledger.ledger(account, null, 10).entries()).isEmpty();
    }

    @Test
    void charge_sameKeyWithAnotherAmountOrReason_answers409_andChargesOnce() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "evt_1");
        ledger.charge(account, 10, "search", "req-1");

        assertApiError(() -> ledger.charge(account, 11, "search", "req-1"), ErrorCode.IDEMPOTENCY_KEY_REUSED, 409);
        assertApiError(() -> ledger.charge(account, 10, "extract", "req-1"), ErrorCode.IDEMPOTENCY_KEY_REUSED, 409);
        assertThat(ledger.balance(account).balance()).isEqualTo(90);
    }

    @Test
    void grant_sameKeyWithAnotherAmount_answers409() {
        String account = newAccount();
        ledger.grant(account, 100, "top-up", "evt_1");

        assertApiError(() -> ledger.grant(account, 200, "top-up", "evt_1"), ErrorCode.IDEMPOTENCY_KEY_REUSED, 409);
        assertThat(ledger.balance(account).balance()).isEqualTo(100);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "tab\there", "ünïcode"})
    void charge_idempotencyKeyNotVisibleAscii_answers400(String key) {
        String account = newAccount();
        ledger.grant(account, 10, "top-up", "evt_1");

        assertApiError(() -> ledger.charge(account, 1, "search", key), ErrorCode.INVALID_PARAMETER, 400);
        assertApiError(() -> ledger.charge(account, 1, "search", "k".repeat(256)), ErrorCode.INVALID_PARAMETER, 400);
        assertApiError(() -> ledger.grant(account, 1, "top-up", null), ErrorCode.INVALID_PARAMETER, 400);
        assertThat(ledger.balance(account).balance()).isEqualTo(10);
    }

    @Test
    void charge_blankOrOverlongReason_answers4xxNamingReason() {
        String account = newAccount();
        ledger.grant(account, 10, "top-up", "evt_1");

        assertApiError(() -> ledger.charge(account, 1, " ", null), ErrorCode.MISSING_FIELD, 422)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("field", "reason"));
        assertApiError(() -> ledger.charge(account, 1, "r".repeat(201), null), ErrorCode.INVALID_FIELD, 422)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("field", "reason"));
    }

    @Test
    void ledger_tamperedCursor_answers400() {
        String account = newAccount();
        for (int i = 0; i < 3; i++) ledger.grant(account, 1, "top-up", "evt_" + i);
        String cursor = ledger.ledger(account, null, 1).nextCursor();
        String decoded = new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);

        for (String tampered : new String[] {
            "!!not-base64!!",
            encode("balance"),
            encode("ledger#yesterday#grt_x"),
            encode(decoded.replace("grt_", "hax_")),
            encode(decoded + "#more"),
            cursor.substring(1)
        }) {
            assertApiError(() -> ledger.ledger(account, tampered, 10), ErrorCode.INVALID_PARAMETER, 400)
                    .satisfies(e -> assertThat(e.extensions()).containsEntry("parameter", "cursor"));
        }
    }

    @Test
    void ledger_cursorOfAnotherAccount_onlyListsTheCallersOwnEntries() {
        String a = newAccount();
        String b = newAccount();
        for (int i = 0; i < 3; i++) ledger.grant(a, 1, "top-up", "evt_" + i);
        ledger.grant(b, 7, "top-up", "evt_b");
        String cursorOfA = ledger.ledger(a, null, 1).nextCursor();

        var page = ledger.ledger(b, cursorOfA, 10);

        assertThat(page.entries()).allSatisfy(e -> assertThat(e.amount()).isEqualTo(7));
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 101})
    void ledger_limitOutside1To100_answers400(int limit) {
        assertApiError(() -> ledger.ledger(newAccount(), null, limit), ErrorCode.INVALID_PARAMETER, 400)
                .satisfies(e -> assertThat(e.extensions()).containsEntry("parameter", "limit"));
    }

    @Test
    void refund_unknownOrMalformedCharge_answers404() {
        assertApiError(() -> ledger.refund("chg_0000000000000000000000000a", "job failed"), ErrorCode.NOT_FOUND, 404);
        assertApiError(() -> ledger.refund("nope", "job failed"), ErrorCode.NOT_FOUND, 404);
        assertApiError(() -> ledger.refund(null, "job failed"), ErrorCode.NOT_FOUND, 404);
    }

    @Test
    void anyCall_accountIdNotAnId_isAProgrammingError() {
        assertThatThrownBy(() -> ledger.charge("acct#1", 1, "search", null))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> ledger.balance(null)).isInstanceOf(IllegalArgumentException.class);
    }

    private static String encode(String text) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static org.assertj.core.api.AbstractThrowableAssert<?, ApiException> assertApiError(
            ThrowingCallable call, ErrorCode code, int status) {
        var thrown = org.assertj.core.api.Assertions.catchThrowableOfType(ApiException.class, call);
        assertThat(thrown).as("expected ApiException " + code).isNotNull();
        assertThat(thrown.errorCode()).isEqualTo(code);
        assertThat(thrown.errorCode().status()).isEqualTo(status);
        return assertThat(thrown);
    }
}
