package dev.mana.stt.whisper;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads little-endian float32 arrays from NumPy's {@code .npy} files and {@code .npz} archives:
 * Whisper ships its mel filter banks as an npz, and the reference features are an npy.
 */
public final class NumpyArrays {

    /** A row-major float32 array and its shape. */
    public record FloatArray(int[] shape, float[] data) {
        public int rows() {
            return shape[0];
        }

        public int columns() {
            return shape.length > 1 ? shape[1] : 1;
        }
    }

    private static final Pattern DESCR = Pattern.compile("'descr':\\s*'([^']+)'");
    private static final Pattern ORDER = Pattern.compile("'fortran_order':\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("'shape':\\s*\\(([^)]*)\\)");

    private NumpyArrays() {}

    public static FloatArray readNpy(Path file) {
        try {
            return parse(Files.readAllBytes(file));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
    }

    /** Every array of an npz archive, by name without the {@code .npy} suffix. */
    public static Map<String, FloatArray> readNpz(Path file) {
        Map<String, FloatArray> arrays = new HashMap<>();
        try (InputStream in = Files.newInputStream(file);
                ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry entry; (entry = zip.getNextEntry()) != null; ) {
                String name = entry.getName().replaceFirst("\\.npy$", "");
                arrays.put(name, parse(zip.readAllBytes()));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return arrays;
    }

    static FloatArray parse(byte[] bytes) {
        if (bytes.length < 10 || bytes[0] != (byte) 0x93 || bytes[1] != 'N') {
            throw new IllegalArgumentException("not a .npy array");
        }
        ByteBuffer buffer = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        int major = bytes[6];
        int headerLength = major == 1 ? Short.toUnsignedInt(buffer.getShort(8)) : buffer.getInt(8);
        int headerStart = major == 1 ? 10 : 12;
        String header = new String(bytes, headerStart, headerLength, StandardCharsets.ISO_8859_1);
        String descr = group(DESCR, header);
        if (!descr.equals("<f4")) {
            throw new IllegalArgumentException("expected little-endian float32, got " + descr);
        }
        if (group(ORDER, header).equals("True")) {
            throw new IllegalArgumentException("Fortran-ordered arrays are not supported");
        }
        int[] shape = Arrays.stream(group(SHAPE, header).split(","))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .mapToInt(Integer::parseInt)
                .toArray();
        int count = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        float[] data = new float[count];
        buffer.position(headerStart + headerLength);
        buffer.asFloatBuffer().get(data);
        return new FloatArray(shape, data);
    }

    private static String group(Pattern pattern, String header) {
        Matcher m = pattern.matcher(header);
        if (!m.find()) {
            throw new IllegalArgumentException("malformed .npy header: " + header);
        }
        return m.group(1);
    }
}
