package dev.mana.platform.audio;

import com.fasterxml.jackson.databind.JsonNode;
import dev.mana.platform.ApiException;
import dev.mana.platform.Environment;
import dev.mana.platform.ErrorCode;
import dev.mana.platform.Json;
import dev.mana.platform.process.BoundedProcess;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;

/**
 * Audio in and out through FFmpeg, the one decoder that reads every format clients send (mp3,
 * wav, m4a, flac, ogg, webm, mp4) and the encoder for every format the API answers in. WAV and
 * PCM are written by the JDK: they are headers around samples and need no process.
 *
 * <p>Every call has a deadline; a file FFmpeg cannot read, or takes longer than the deadline
 * to decode, is the caller's input problem: a 422 {@code invalid_audio} that says what to send.
 */
public final class AudioCodecs {
    static final String ACCEPTED = "mp3, wav, m4a, flac, ogg, webm or mp4";

    private final String ffmpeg;
    private final String ffprobe;
    private final Duration deadline;

    public AudioCodecs(String ffmpeg, String ffprobe, Duration deadline) {
        this.ffmpeg = ffmpeg;
        this.ffprobe = ffprobe;
        this.deadline = deadline;
    }

    /** FFmpeg from PATH unless MANA_FFMPEG / MANA_FFPROBE name it; MANA_FFMPEG_TIMEOUT_MS per call. */
    public static AudioCodecs fromEnvironment() {
        return new AudioCodecs(
                Environment.get("MANA_FFMPEG", "ffmpeg"),
                Environment.get("MANA_FFPROBE", "ffprobe"),
                Duration.ofMillis(Environment.getInt("MANA_FFMPEG_TIMEOUT_MS", 120_000)));
    }

    /** The file's first audio stream: container, codec, duration, rate, channels. */
    public AudioInfo probe(Path file) {
        var out = new ByteArrayOutputStream();
        var result = BoundedProcess.stream(
                List.of(
                        ffprobe,
                        "-v",
                        "error",
                        "-show_entries",
                        "format=format_name,duration:stream=codec_type,codec_name,sample_rate,channels,duration",
                        "-of",
                        "json",
                        file.toString()),
                null,
                out,
                deadline);
        if (!result.succeeded()) throw notAudio(result);
        JsonNode root;
        try {
            root = Json.mapper().readTree(out.toByteArray());
        } catch (IOException e) {
            throw notAudio(result);
        }
        JsonNode audio = null;
        for (var stream : root.path("streams")) {
            if ("audio".equals(stream.path("codec_type").asText())) {
                audio = stream;
                break;
            }
        }
        if (audio == null) {
            throw new ApiException(
                    ErrorCode.INVALID_AUDIO, "The file has no audio stream. Send " + ACCEPTED + " audio.");
        }
        double seconds = parseSeconds(root.path("format").path("duration").asText(""));
        if (Double.isNaN(seconds)) seconds = parseSeconds(audio.path("duration").asText(""));
        if (Double.isNaN(seconds)) seconds = decodeMono(file, 8_000).length / 8_000.0;
        return new AudioInfo(
                root.path("format").path("format_name").asText(""),
                audio.path("codec_name").asText(""),
                Duration.ofNanos(Math.round(seconds * 1e9)),
                audio.path("sample_rate").asInt(0),
                audio.path("channels").asInt(0));
    }

    /** The whole file as mono float samples in [-1, 1] at {@code sampleRate} (16 kHz for Whisper). */
    public float[] decodeMono(Path file, int sampleRate) {
        var out = new ByteArrayOutputStream();
        var result = BoundedProcess.stream(
                List.of(
                        ffmpeg,
                        "-nostdin",
                        "-hide_banner",
                        "-v",
                        "error",
                        "-i",
                        file.toString(),
                        "-vn",
                        "-ac",
                        "1",
                        "-ar",
                        Integer.toString(sampleRate),
                        "-f",
                        "f32le",
                        "-acodec",
                        "pcm_f32le",
                        "pipe:1"),
                null,
                out,
                deadline);
        if (!result.succeeded()) throw notAudio(result);
        var floats = ByteBuffer.wrap(out.toByteArray())
                .order(ByteOrder.LITTLE_ENDIAN)
                .asFloatBuffer();
        var samples = new float[floats.remaining()];
        floats.get(samples);
        return samples;
    }

    /** As {@link #decodeMono(Path, int)}, from bytes (spooled to a file: mp4 and m4a need seeking). */
    public float[] decodeMono(byte[] bytes, int sampleRate) {
        return withTempFile(bytes, file -> decodeMono(file, sampleRate));
    }

    /** As {@link #probe(Path)}, from bytes. */
    public AudioInfo probe(byte[] bytes) {
        return withTempFile(bytes, this::probe);
    }

    /** Encodes mono samples in [-1, 1] to {@code format}; the result keeps {@code sampleRate}. */
    public byte[] encode(float[] mono, int sampleRate, AudioFormat format) {
        var out = new ByteArrayOutputStream(mono.length);
        encode(mono, sampleRate, format, out);
        return out.toByteArray();
    }

    /**
     * Encodes to a stream as FFmpeg produces it, so a client hears the start before the end is
     * encoded. FLAC goes through a file: its header's totals are written after the samples.
     */
    public void encode(float[] mono, int sampleRate, AudioFormat format, OutputStream out) {
        byte[] pcm16 = toPcm16(mono);
        try {
            switch (format) {
                case PCM -> out.write(pcm16);
                case WAV -> writeWav(pcm16, sampleRate, out);
                case FLAC -> encodeViaFile(pcm16, sampleRate, format, out);
                default -> encodePiped(pcm16, sampleRate, format, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void encodePiped(byte[] pcm16, int sampleRate, AudioFormat format, OutputStream out) {
        var command = encodeCommand(sampleRate, format, "pipe:1");
        var result = BoundedProcess.stream(command, stdin -> stdin.write(pcm16), out, deadline);
        if (!result.succeeded()) throw encodeFailed(format, result);
    }

    private void encodeViaFile(byte[] pcm16, int sampleRate, AudioFormat format, OutputStream out) throws IOException {
        Path target = Files.createTempFile("mana-audio-", "." + format.id());
        try {
            var command = encodeCommand(sampleRate, format, target.toString());
            command.add(command.size() - 1, "-y");
            var result = BoundedProcess.stream(
                    command, stdin -> stdin.write(pcm16), OutputStream.nullOutputStream(), deadline);
            if (!result.succeeded()) throw encodeFailed(format, result);
            Files.copy(target, out);
        } finally {
            Files.deleteIfExists(target);
        }
    }

    private List<String> encodeCommand(int sampleRate, AudioFormat format, String target) {
        var command = new ArrayList<>(List.of(
                ffmpeg,
                "-nostdin",
                "-hide_banner",
                "-v",
                "error",
                "-f",
                "s16le",
                "-ar",
                Integer.toString(sampleRate),
                "-ac",
                "1",
                "-i",
                "pipe:0"));
        switch (format) {
            case MP3 -> command.addAll(List.of("-c:a", "libmp3lame", "-b:a", "64k", "-f", "mp3"));
            case AAC -> command.addAll(List.of("-c:a", "aac", "-b:a", "64k", "-f", "adts"));
            // Opus codes only 8/12/16/24/48 kHz; anything else is resampled to 48 kHz.
            case OPUS -> {
                command.addAll(List.of("-c:a", "libopus", "-b:a", "32k", "-f", "ogg"));
                if (!List.of(8_000, 12_000, 16_000, 24_000, 48_000).contains(sampleRate))
                    command.addAll(List.of("-ar", "48000"));
            }
            case FLAC -> command.addAll(List.of("-c:a", "flac", "-f", "flac"));
            default -> throw new IllegalArgumentException(format + " is written without FFmpeg");
        }
        command.add(target);
        return command;
    }

    private static void writeWav(byte[] pcm16, int sampleRate, OutputStream out) throws IOException {
        var format = new javax.sound.sampled.AudioFormat(sampleRate, 16, 1, true, false);
        var stream = new AudioInputStream(new ByteArrayInputStream(pcm16), format, pcm16.length / 2);
        AudioSystem.write(stream, AudioFileFormat.Type.WAVE, out);
    }

    static byte[] toPcm16(float[] mono) {
        var buffer = ByteBuffer.allocate(mono.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (float sample : mono) {
            float clamped = Math.max(-1f, Math.min(1f, sample));
            buffer.putShort((short) Math.round(clamped * Short.MAX_VALUE));
        }
        return buffer.array();
    }

    private static double parseSeconds(String text) {
        try {
            double seconds = Double.parseDouble(text);
            return seconds >= 0 && Double.isFinite(seconds) ? seconds : Double.NaN;
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    private interface FileTask<T> {
        T apply(Path file);
    }

    private static <T> T withTempFile(byte[] bytes, FileTask<T> task) {
        Path file = null;
        try {
            file = Files.createTempFile("mana-audio-", ".in");
            Files.write(file, bytes);
            return task.apply(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // A temp file left behind is cleaned with the container.
                }
            }
        }
    }

    private ApiException notAudio(BoundedProcess.Result result) {
        if (result.timedOut()) {
            return new ApiException(
                    ErrorCode.INVALID_AUDIO,
                    "The file took longer than " + deadline.toMillis() + " ms to decode. Send a shorter file, as "
                            + ACCEPTED + ".");
        }
        return new ApiException(
                ErrorCode.INVALID_AUDIO,
                "The file is not audio we can decode (it may be empty, truncated or another kind of file). Send "
                        + ACCEPTED + ".");
    }

    private static IllegalStateException encodeFailed(AudioFormat format, BoundedProcess.Result result) {
        return new IllegalStateException("FFmpeg could not encode " + format.id()
                + (result.timedOut() ? ": deadline passed" : ": exit " + result.exitCode() + ": " + result.stderr()));
    }
}
