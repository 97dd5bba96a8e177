package dev.mana.platform.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class BoundedProcessTest {

    @Test
    void stdin_reachesTheProgram_andStdoutComesBack() {
        byte[] out = BoundedProcess.run(
                List.of("cat"), "$(echo hi); -v de".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(5), 1024);

        assertThat(new String(out, StandardCharsets.UTF_8)).isEqualTo("$(echo hi); -v de");
    }

    @Test
    void aProgramPastItsDeadline_isKilled_andTheCallReturnsAtOnce() {
        long started = System.nanoTime();

        assertThatThrownBy(() -> BoundedProcess.run(List.of("sleep", "30"), new byte[0], Duration.ofMillis(300), 1024))
                .isInstanceOf(BoundedProcess.Failed.class)
                .hasMessageContaining("did not finish within 300 ms");

        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }

    @Test
    void tooMuchOutput_andAFailingExit_areFailures() {
        assertThatThrownBy(() -> BoundedProcess.run(
                        List.of("head", "-c", "5000", "/dev/zero"), new byte[0], Duration.ofSeconds(5), 1000))
                .isInstanceOf(BoundedProcess.Failed.class)
                .hasMessageContaining("more than 1000 bytes");
        assertThatThrownBy(() -> BoundedProcess.run(List.of("false"), new byte[0], Duration.ofSeconds(5), 1000))
                .isInstanceOf(BoundedProcess.Failed.class)
                .hasMessageContaining("exited with 1");
    }
}
