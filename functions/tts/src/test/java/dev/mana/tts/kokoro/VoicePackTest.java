package dev.mana.tts.kokoro;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mana.tts.testing.KokoroFixture;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class VoicePackTest {

    @Test
    void theRealVoice_givesRowNForNTokens_andItsLastRowBeyond() throws Exception {
        Path file = KokoroFixture.assets().resolve("af_heart.bin");
        var raw = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);

        var pack = VoicePack.read(file);

        assertThat(pack.style(37)).hasSize(256);
        assertThat(pack.style(37)[0]).isEqualTo(raw.getFloat((37 * 256) * 4));
        assertThat(pack.style(37)[255]).isEqualTo(raw.getFloat((37 * 256 + 255) * 4));
        assertThat(pack.style(900)).containsExactly(pack.style(509));
        assertThat(pack.style(37)).isNotEqualTo(pack.style(38));
    }

    @Test
    void aFileOfTheWrongSize_isRefused(@TempDir Path dir) throws Exception {
        Path file = Files.write(dir.resolve("bad.bin"), new byte[1024]);

        assertThatThrownBy(() -> VoicePack.read(file)).hasMessageContaining("not a 510x256 float32 voice");
    }

    @Test
    void aMix_isTheWeightedAverage() {
        var bella = new VoicePack(values(0.3f));
        var sky = new VoicePack(values(0.6f));

        var mix = VoicePack.mix(List.of(bella, sky), List.of(2.0, 1.0));

        assertThat(mix.style(10)[0]).isEqualTo(0.4f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void mixSpellings_parse_andNonsenseDoesNot() {
        assertThat(VoiceMix.parse("af_bella(2)+af_sky(1)"))
                .hasValue(new VoiceMix(List.of("af_bella", "af_sky"), List.of(2.0, 1.0)));
        assertThat(VoiceMix.parse("af_bella + af_sky"))
                .hasValue(new VoiceMix(List.of("af_bella", "af_sky"), List.of(1.0, 1.0)));
        assertThat(VoiceMix.parse("af_heart"))
                .hasValueSatisfying(mix -> assertThat(mix.single()).isTrue());
        assertThat(VoiceMix.parse("af_bella(0)")).isEmpty();
        assertThat(VoiceMix.parse("af_bella(-1)+af_sky")).isEmpty();
        assertThat(VoiceMix.parse("../../etc/passwd")).isEmpty();
        assertThat(VoiceMix.parse("a+b")).isEmpty();
        assertThat(VoiceMix.parse("af_a+af_b+af_c+af_d+af_e+af_f")).isEmpty();
    }

    private static float[] values(float value) {
        float[] styles = new float[VoicePack.ROWS * VoicePack.WIDTH];
        java.util.Arrays.fill(styles, value);
        return styles;
    }
}
