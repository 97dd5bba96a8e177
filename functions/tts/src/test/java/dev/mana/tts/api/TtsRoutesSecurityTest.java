package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.tts.testing.TtsFunction;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every TTS route: no caller is 401, bad JSON 400, an oversize body 413; nothing is charged. */
@ExtendWith(AwsEmulatorExtension.class)
class TtsRoutesSecurityTest {

    static final List<String> JSON_ROUTES =
            List.of("/v1/audio/speech", "/v1/tts/synthesize/kokoro", "/v1/tts/synthesize/auto", "/v1/tts/synthesize");

    static TtsFunction tts;

    @BeforeAll
    static void start(EmulatedStack stack) {
        tts = new TtsFunction(stack);
    }

    @Test
    void withoutACaller_everyRouteAnswers401() {
        for (String path : JSON_ROUTES) {
            assertThat(tts.call(ProxyEvent.request("POST", path).json("{\"input\":\"Hi.\",\"text\":\"Hi.\"}"))
                            .status())
                    .as(path)
                    .isEqualTo(401);
        }
        assertThat(tts.call(ProxyEvent.request("GET", "/v1/tts/voices")).status())
                .isEqualTo(401);
        assertThat(tts.call(ProxyEvent.request("DELETE", "/v1/tts/voices/voice_x")
                                .resource("/v1/tts/voices/{id}", Map.of("id", "voice_x")))
                        .status())
                .isEqualTo(401);
        assertThat(tts.call(ProxyEvent.request("POST", "/v1/tts/voices")
                                .body(new byte[] {1}, "multipart/form-data; boundary=x"))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void malformedJson_andOversizeBodies_areRefused_beforeAnyCharge() {
        String account = tts.account(5);
        for (String path : JSON_ROUTES) {
            var malformed = tts.call(TtsFunction.post(path, account, "{not json"));
            assertThat(malformed.status()).as(path).isEqualTo(400);
            assertThat(malformed.json().path("code").asText()).isEqualTo("malformed_json");
            var oversize = tts.call(TtsFunction.post(path, account, "{\"text\":\"" + "a".repeat(1_100_000) + "\"}"));
            assertThat(oversize.status()).as(path).isEqualTo(413);
        }
        var garbled = tts.call(ProxyEvent.request("POST", "/v1/tts/voices")
                .body("--x\r\nnot a part".getBytes(), "multipart/form-data; boundary=x")
                .caller(account, "key_test", "free"));
        assertThat(garbled.status()).isBetween(400, 422);
        assertThat(tts.balance(account)).isEqualTo(5);
    }
}
