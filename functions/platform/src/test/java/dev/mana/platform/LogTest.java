package dev.mana.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LogTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    LogTest() {
        Log.redirect(new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @AfterEach
    void restore() {
        Log.redirect(System.out);
        Log.clearContext();
    }

    @Test
    void line_isJsonWithContextAndFields() throws Exception {
        Log.putContext("requestId", "req-1");
        Log.putContext("route", "GET /health");
        Log.info("hello", "status", 200);

        var line = Json.mapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(line.path("message").asText()).isEqualTo("hello");
        assertThat(line.path("requestId").asText()).isEqualTo("req-1");
        assertThat(line.path("route").asText()).isEqualTo("GET /health");
        assertThat(line.path("status").asInt()).isEqualTo(200);
        assertThat(line.path("time").asText()).isNotBlank();
    }

    @Test
    void fieldsNamedLikeSecrets_areRedacted() {
        Log.info(
                "login",
                "password",
                "hunter2hunter2",
                "refreshToken",
                "rt_abc",
                "x-api-key",
                "mana_live_x",
                "email",
                "a@b.c");

        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text)
                .doesNotContain("hunter2hunter2", "rt_abc", "mana_live_x")
                .contains("a@b.c");
    }
}
