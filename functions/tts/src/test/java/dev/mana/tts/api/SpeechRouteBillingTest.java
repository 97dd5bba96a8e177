package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.platform.Json;
import dev.mana.tts.testing.TtsFunction;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Credits per started 1,000 characters through the real ledger, once per Idempotency-Key. */
@ExtendWith(AwsEmulatorExtension.class)
class SpeechRouteBillingTest {

    static TtsFunction tts;

    @BeforeAll
    static void start(EmulatedStack stack) {
        tts = new TtsFunction(stack);
    }

    @Test
    void upTo1000Characters_costsOneCredit_withHeaders_andUsage() {
        String account = tts.account(5);

        var response = tts.speech(account, Map.of("input", "Hello. ".repeat(142) + "Hi.")); // 997 characters

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("1");
        assertThat(response.header("X-Credits-Remaining")).isEqualTo("4");
        var today = LocalDate.now(ZoneOffset.UTC);
        assertThat(tts.usage.series(account, today, today, null))
                .singleElement()
                .satisfies(point -> {
                    assertThat(point.service()).isEqualTo("tts");
                    assertThat(point.credits()).isEqualTo(1);
                });
    }

    @Test
    void charactersAreCountedAsPeopleCountThem_andEachStartedThousandCosts() {
        String account = tts.account(5);
        // 1,001 characters: 6 letters and 995 emoji of two UTF-16 units each: 2 credits, not 2,000 units' 2+.
        String text = "Hello " + "\uD83D\uDE00".repeat(995);

        var response = tts.speech(account, Map.of("input", text));

        assertThat(response.status()).as(response.text()).isEqualTo(200);
        assertThat(response.header("X-Credits-Charged")).isEqualTo("2");
        assertThat(tts.balance(account)).isEqualTo(3);
    }

    @Test
    void theSameIdempotencyKey_isChargedOnce() {
        String account = tts.account(5);
        String body = Json.write(Map.of("input", "Say this once, pay once."));

        for (int i = 0; i < 2; i++) {
            var response =
                    tts.call(TtsFunction.post("/v1/audio/speech", account, body).header("Idempotency-Key", "speech-1"));
            assertThat(response.status()).isEqualTo(200);
            assertThat(response.header("X-Credits-Remaining")).isEqualTo("4");
        }
        assertThat(tts.balance(account)).isEqualTo(4);
    }
}
