package dev.mana.stt.service;

import dev.mana.platform.ApiException;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.audio.AudioCodecs;
import dev.mana.platform.audio.AudioInfo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Audio a client sent, spooled to a temporary file (mp4 and m4a need seeking), probed and
 * checked before anything is charged or queued: empty, unreadable, truncated or not audio, no
 * duration, or longer than the limit are each a 422 {@code invalid_audio} saying what to send.
 */
public final class AudioInput implements AutoCloseable {

    public static final int SAMPLE_RATE = 16_000;

    private final Path file;
    private final AudioInfo info;

    private AudioInput(Path file, AudioInfo info) {
        this.file = file;
        this.info = info;
    }

    public static AudioInput of(byte[] bytes, String filename, AudioCodecs codecs, int maxDurationSeconds) {
        if (bytes.length == 0) {
            throw ApiException.field(ErrorCode.INVALID_AUDIO, "file", "The audio file is empty.");
        }
        Path file;
        try {
            file = Files.createTempFile("stt-", suffix(filename));
            Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return of(file, codecs, maxDurationSeconds);
    }

    /** Takes ownership of {@code file}: it is deleted on close, and at once when refused. */
    public static AudioInput of(Path file, AudioCodecs codecs, int maxDurationSeconds) {
        try {
            AudioInfo info = codecs.probe(file);
            double seconds = info.duration().toMillis() / 1000.0;
            if (!(seconds > 0.05)) {
                throw ApiException.field(ErrorCode.INVALID_AUDIO, "file", "The audio has no duration.");
            }
            if (seconds > maxDurationSeconds) {
                throw ApiException.field(
                                ErrorCode.INVALID_AUDIO,
                                "file",
                                String.format(
                                        "The audio lasts %.0f s; at most %d s are accepted.",
                                        seconds, maxDurationSeconds))
                        .with("limitSeconds", maxDurationSeconds);
            }
            return new AudioInput(file, info);
        } catch (RuntimeException e) {
            delete(file);
            throw e;
        }
    }

    public Path file() {
        return file;
    }

    public double durationSeconds() {
        return info.duration().toMillis() / 1000.0;
    }

    /** The audio as 16 kHz mono floats; a file that probes but does not decode is a 422. */
    public float[] decode(AudioCodecs codecs) {
        float[] samples = codecs.decodeMono(file, SAMPLE_RATE);
        if (samples.length < SAMPLE_RATE / 20) {
            throw ApiException.field(ErrorCode.INVALID_AUDIO, "file", "The audio decodes to no samples (truncated?).");
        }
        return samples;
    }

    private static String suffix(String filename) {
        if (filename == null) {
            return ".audio";
        }
        int dot = filename.lastIndexOf('.');
        String ext = dot < 0 ? "" : filename.substring(dot).toLowerCase(java.util.Locale.ROOT);
        return ext.matches("\\.[a-z0-9]{1,5}") ? ext : ".audio";
    }

    private static void delete(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // A temp file; the container's /tmp is cleaned with it.
        }
    }

    @Override
    public void close() {
        delete(file);
    }
}
