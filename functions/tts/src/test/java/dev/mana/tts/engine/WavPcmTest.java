package dev.mana.tts.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.junit.jupiter.api.Test;

class WavPcmTest {

    @Test
    void aStreamedWav_withPlaceholderSizes_isReadToItsEnd() {
        byte[] wav = wav(22_050, 2, 0x7ffff000, new short[] {1000, 3000, -16384, -16384, 32767, 32767});

        WavPcm pcm = WavPcm.read(wav);

        assertThat(pcm.sampleRate()).isEqualTo(22_050);
        assertThat(pcm.samples()).containsExactly(2000 / 32768f, -0.5f, 32767 / 32768f);
    }

    @Test
    void notAWav_isRefused() {
        assertThatThrownBy(() -> WavPcm.read("ID3 not a wav".getBytes())).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] wav(int rate, int channels, int dataSize, short[] samples) {
        var out = ByteBuffer.allocate(44 + samples.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(0x46464952).putInt(dataSize + 36).putInt(0x45564157);
        out.putInt(0x20746d66).putInt(16).putShort((short) 1).putShort((short) channels);
        out.putInt(rate)
                .putInt(rate * channels * 2)
                .putShort((short) (channels * 2))
                .putShort((short) 16);
        out.putInt(0x61746164).putInt(dataSize);
        for (short s : samples) out.putShort(s);
        return out.array();
    }
}
