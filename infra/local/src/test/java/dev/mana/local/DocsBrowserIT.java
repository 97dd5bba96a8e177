package dev.mana.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GET /docs in a real browser: headless Chromium (Debian's, which .ci/run installs) renders the
 * reference page from the local runtime, its scripts and the spec all served by DocsFunction.
 * Also writes target/api-reference.png, the README's screenshot (copied to docs/ by hand).
 */
class DocsBrowserIT {
    static LocalApi api;

    @BeforeAll
    static void start() throws Exception {
        api = LocalApi.start("docs" + UUID.randomUUID().toString().substring(0, 8), 0);
    }

    @AfterAll
    static void stop() {
        api.close();
        api.stack().close();
    }

    @Test
    void docsPage_rendersEveryOperationOfTheSpec() throws Exception {
        String dom = chromium("--dump-dom", "http://127.0.0.1:" + api.port() + "/docs");

        // Swagger UI drew the operations from /openapi.json: paths and summaries of each service.
        assertThat(dom).contains("opblock-summary");
        assertThat(dom)
                .contains("/v1/auth/register")
                .contains("Create an account on the Free tier.")
                .contains("/v1/search")
                .contains("/v1/extract/bulk")
                .contains("/v1/jobs/{id}");
    }

    @Test
    void docsPage_screenshot() throws Exception {
        Path png = Path.of("target/api-reference.png").toAbsolutePath();
        Files.deleteIfExists(png);
        chromium("--screenshot=" + png, "--window-size=1280,1400", "http://127.0.0.1:" + api.port() + "/docs");
        byte[] bytes = Files.readAllBytes(png);
        assertThat(bytes.length).isGreaterThan(20_000);
        assertThat(new String(bytes, 1, 3, StandardCharsets.US_ASCII)).isEqualTo("PNG");
    }

    /** Runs headless Chromium with a fresh profile and no network of its own; its stdout. */
    static String chromium(String... arguments) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory("chromium-profile");
        var command = new ArrayList<>(List.of(
                "chromium",
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile,
                "--virtual-time-budget=15000"));
        command.addAll(List.of(arguments));
        Process process;
        try {
            process = new ProcessBuilder(command)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException e) {
            throw new AssertionError("chromium is not on PATH (.ci/run installs it from Debian)", e);
        }
        String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(2, TimeUnit.MINUTES)).as("chromium ended").isTrue();
        assertThat(process.exitValue()).as("chromium exit").isZero();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder())
                    .forEach(f -> f.toFile().delete());
        }
        return out;
    }
}
