package dev.mana.tts.api;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mana.emulator.AwsEmulatorExtension;
import dev.mana.emulator.EmulatedStack;
import dev.mana.emulator.ProxyEvent;
import dev.mana.emulator.ProxyResponse;
import dev.mana.tts.testing.TtsFunction;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bad requests answer a problem naming the field, and cost nothing. */
@ExtendWith(AwsEmulatorExtension.class)
class SpeechRouteErrorTest {

    static TtsFunction tts;

    @BeforeAll
    static void start(EmulatedStack stack) {
        tts = new TtsFunction(stack);
    }

    @Test
    void emptyOrBlankInput_answers422() {
        assertProblem(Map.of("input", ""), 422, "invalid_field", "input");
        assertProblem(Map.of("input", " \n "), 422, "invalid_field", "input");
        assertProblem(Map.of("voice", "en-us"), 422, "missing_field", "input");
    }

    @Test
    void inputOverTheMaximum_answers422_withTheLimit() {
        var problem = assertProblem(Map.of("input", "a".repeat(4097)), 422, "invalid_field", "input");

        assertThat(problem.json().path("maxCharacters").asInt()).isEqualTo(4096);
    }

    @Test
    void anUnknownVoice_orModel_answers422() {
        assertProblem(Map.of("input", "Hi.", "voice", "xx-nowhere"), 422, "invalid_field", "voice");
        assertProblem(Map.of("input", "Hi.", "model", "tts-9"), 422, "invalid_field", "model");
    }

    @Test
    void aKnownModelNotDeployed_answers503_modelUnavailable() {
        var problem = assertProblem(Map.of("input", "Hi.", "model", "kokoro"), 503, "model_unavailable", null);

        assertThat(problem.json().path("detail").asText()).contains("kokoro").contains("espeak");
    }

    @Test
    void speedOutsideOpenAIsRange_answers422() {
        assertProblem(Map.of("input", "Hi.", "speed", 0.2), 422, "invalid_field", "speed");
        assertProblem(Map.of("input", "Hi.", "speed", 4.01), 422, "invalid_field", "speed");
        assertProblem(Map.of("input", "Hi.", "speed", "fast"), 400, "invalid_type", "speed");
    }

    @Test
    void anUnsupportedFormat_answers422_namingTheSupportedOnes() {
        var problem = assertProblem(
                Map.of("input", "Hi.", "response_format", "ogg"), 422, "invalid_field", "response_format");

        assertThat(problem.json().path("detail").asText()).contains("mp3, opus, aac, flac, wav or pcm");
    }

    @Test
    void anUnknownField_answers400() {
        assertProblem(Map.of("input", "Hi.", "pitch", 2), 400, "unknown_field", "pitch");
    }

    @Test
    void withoutCredits_answers402_beforeSpeaking() {
        String account = tts.account(0);

        var response = tts.speech(account, Map.of("input", "Hi."));

        assertThat(response.status()).isEqualTo(402);
        assertThat(response.json().path("price").asLong()).isEqualTo(1);
    }

    @Test
    void withoutACaller_answers401() {
        var response = tts.call(ProxyEvent.request("POST", "/v1/audio/speech").json("{\"input\":\"Hi.\"}"));

        assertThat(response.status()).isEqualTo(401);
    }

    private static ProxyResponse assertProblem(Map<String, ?> body, int status, String code, String field) {
        String account = tts.account(5);
        var response = tts.speech(account, new HashMap<>(body));
        assertThat(response.status()).as(response.text()).isEqualTo(status);
        assertThat(response.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(response.json().path("code").asText()).isEqualTo(code);
        if (field != null) assertThat(response.json().path("field").asText()).isEqualTo(field);
        assertThat(response.header("X-Credits-Charged")).isNull();
        assertThat(tts.balance(account)).isEqualTo(5);
        return response;
    }
}
