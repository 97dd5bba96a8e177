package dev.mana.tts.kokoro;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * A Kokoro voice: 510 style vectors of 256 floats (raw little-endian float32, as kokoro.js ships
 * them), one per input length. The row for a chunk of {@code n} phoneme tokens is row {@code n}
 * (at most 509): the model was trained with the style matched to the length.
 */
public final class VoicePack {

    public static final int ROWS = 510;
    public static final int WIDTH = 256;

    private final float[] styles;

    VoicePack(float[] styles) {
        if (styles.length != ROWS * WIDTH) {
            throw new IllegalArgumentException("a voice has " + ROWS + "x" + WIDTH + " floats, not " + styles.length);
        }
        this.styles = styles;
    }

    public static VoicePack read(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length != ROWS * WIDTH * Float.BYTES) {
                throw new IllegalArgumentException(
                        file + " is " + bytes.length + " bytes, not a 510x256 float32 voice");
            }
            float[] styles = new float[ROWS * WIDTH];
            ByteBuffer.wrap(bytes)
                    .order(ByteOrder.LITTLE_ENDIAN)
                    .asFloatBuffer()
                    .get(styles);
            return new VoicePack(styles);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The style for {@code tokens} phoneme tokens (pads excluded). */
    public float[] style(int tokens) {
        int row = Math.min(Math.max(tokens, 0), ROWS - 1);
        return Arrays.copyOfRange(styles, row * WIDTH, (row + 1) * WIDTH);
    }

    /** The weighted average of {@code packs}: a voice between voices. */
    public static VoicePack mix(List<VoicePack> packs, List<Double> weights) {
        double total = weights.stream().mapToDouble(Double::doubleValue).sum();
        float[] mixed = new float[ROWS * WIDTH];
        for (int p = 0; p < packs.size(); p++) {
            float share = (float) (weights.get(p) / total);
            float[] styles = packs.get(p).styles;
            for (int i = 0; i < mixed.length; i++) mixed[i] += styles[i] * share;
        }
        return new VoicePack(mixed);
    }
}
