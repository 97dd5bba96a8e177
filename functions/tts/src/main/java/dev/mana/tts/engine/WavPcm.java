package dev.mana.tts.engine;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * 16-bit PCM WAV bytes as float samples. A WAV written to a pipe (espeak-ng --stdout) cannot
 * seek back to fill in its sizes, so its RIFF and data sizes are placeholders: the data runs to
 * the end of the bytes, whatever the header claims.
 */
public record WavPcm(int sampleRate, float[] samples) {

    public static WavPcm read(byte[] wav) {
        var in = ByteBuffer.wrap(wav).order(ByteOrder.LITTLE_ENDIAN);
        if (wav.length < 12 || in.getInt(0) != 0x46464952 || in.getInt(8) != 0x45564157) {
            throw new IllegalArgumentException("not a RIFF/WAVE stream");
        }
        int position = 12;
        int sampleRate = 0;
        int channels = 0;
        while (position + 8 <= wav.length) {
            int id = in.getInt(position);
            int size = in.getInt(position + 4);
            int body = position + 8;
            if (id == 0x20746d66) { // "fmt "
                int format = in.getShort(body) & 0xffff;
                channels = in.getShort(body + 2);
                sampleRate = in.getInt(body + 4);
                int bits = in.getShort(body + 14);
                if (format != 1 || bits != 16) {
                    throw new IllegalArgumentException("not 16-bit PCM (format " + format + ", " + bits + " bits)");
                }
            } else if (id == 0x61746164) { // "data"
                if (sampleRate == 0 || channels < 1) throw new IllegalArgumentException("data before fmt");
                int end = size < 0 || body + (long) size > wav.length ? wav.length : body + size;
                return new WavPcm(sampleRate, mono(in, body, end, channels));
            }
            position = body + size + (size & 1);
            if (size < 0) break;
        }
        throw new IllegalArgumentException("no data chunk");
    }

    private static float[] mono(ByteBuffer in, int from, int to, int channels) {
        int frames = (to - from) / (2 * channels);
        float[] samples = new float[frames];
        for (int frame = 0; frame < frames; frame++) {
            float sum = 0;
            for (int c = 0; c < channels; c++) {
                sum += in.getShort(from + 2 * (frame * channels + c)) / 32768f;
            }
            samples[frame] = sum / channels;
        }
        return samples;
    }
}
