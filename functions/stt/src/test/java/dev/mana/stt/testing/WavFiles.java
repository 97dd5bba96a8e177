package dev.mana.stt.testing;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.UnsupportedAudioFileException;

/** Reads 16-bit PCM mono WAV files as floats in [-1, 1), the way Whisper's loader scales them. */
public final class WavFiles {
    private WavFiles() {}

    public static float[] readMono16k(Path wav) throws IOException {
        try (AudioInputStream in = AudioSystem.getAudioInputStream(wav.toFile())) {
            AudioFormat format = in.getFormat();
            if (format.getSampleRate() != 16_000f || format.getChannels() != 1 || format.getSampleSizeInBits() != 16) {
                throw new IllegalArgumentException(wav + " is not 16 kHz mono 16-bit: " + format);
            }
            ByteBuffer bytes = ByteBuffer.wrap(in.readAllBytes()).order(ByteOrder.LITTLE_ENDIAN);
            float[] samples = new float[bytes.remaining() / 2];
            for (int i = 0; i < samples.length; i++) {
                samples[i] = bytes.getShort() / 32768f;
            }
            return samples;
        } catch (UnsupportedAudioFileException e) {
            throw new IOException(wav + " is not a WAV file", e);
        }
    }
}
